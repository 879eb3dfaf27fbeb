/**
 * The Stop Rodéos form: illegal motorbike rodeos and where the bikes are hidden.
 * Same rules as Stop Deal: ids and values are frozen once a version is published.
 */
import type { FormDefinition } from '../form.ts';

export const stopRodeos = {
  id: 'stop-rodeos',
  version: 1,
  title: { fr: 'Stop Rodéos', en: 'Stop Rodeos' },
  summary: {
    fr: 'Signaler des rodéos motorisés et les endroits où les engins sont cachés.',
    en: 'Report illegal motorbike rodeos and where the bikes are hidden.',
  },
  contact: true,
  steps: [
    {
      id: 'where',
      title: { fr: 'Où ?', en: 'Where?' },
      fields: [
        { id: 'district', kind: 'district', required: true, label: { fr: 'Quartier', en: 'District' } },
        { id: 'place', kind: 'text', required: true, maxLength: 300, label: { fr: 'Rue, adresse ou repère', en: 'Street, address or landmark' } },
        { id: 'point', kind: 'point', label: { fr: 'Position sur la carte (facultatif)', en: 'Position on the map (optional)' } },
      ],
    },
    {
      id: 'when',
      title: { fr: 'Quand ?', en: 'When?' },
      fields: [
        { id: 'date', kind: 'date', required: true, label: { fr: 'Date (la dernière fois)', en: 'Date (the last time)' } },
        { id: 'time-from', kind: 'time', label: { fr: 'Heure (ou début)', en: 'Time (or from)' } },
        { id: 'time-to', kind: 'time', label: { fr: 'Jusqu’à (facultatif)', en: 'Until (optional)' } },
        {
          id: 'frequency',
          kind: 'choice',
          required: true,
          label: { fr: 'À quelle fréquence ?', en: 'How often?' },
          options: [
            { value: 'once', label: { fr: 'Une seule fois', en: 'Once' } },
            { value: 'several', label: { fr: 'Plusieurs fois', en: 'Several times' } },
            { value: 'daily', label: { fr: 'Tous les jours', en: 'Every day' } },
            { value: 'weekly', label: { fr: 'Toutes les semaines', en: 'Every week' } },
          ],
        },
      ],
    },
    {
      id: 'vehicles',
      title: { fr: 'Engins', en: 'Vehicles' },
      fields: [
        { id: 'count', kind: 'number', min: 1, max: 100, label: { fr: 'Combien d’engins ?', en: 'How many vehicles?' } },
        {
          id: 'kinds',
          kind: 'choice',
          multiple: true,
          label: { fr: 'Type d’engins', en: 'Kind of vehicles' },
          options: [
            { value: 'motocross', label: { fr: 'Moto-cross', en: 'Dirt bike' } },
            { value: 'scooter', label: { fr: 'Scooter', en: 'Scooter' } },
            { value: 'quad', label: { fr: 'Quad', en: 'Quad' } },
            { value: 'other', label: { fr: 'Autre', en: 'Other' } },
          ],
        },
        { id: 'description', kind: 'text', multiline: true, maxLength: 1000, label: { fr: 'Description (couleurs, plaques, pilotes)', en: 'Description (colours, plates, riders)' } },
      ],
    },
    {
      id: 'hiding',
      title: { fr: 'Caches', en: 'Hiding places' },
      fields: [
        { id: 'hiding-places', kind: 'text', multiline: true, maxLength: 1000, label: { fr: 'Où les engins sont-ils rangés ?', en: 'Where are the vehicles kept?' } },
        { id: 'details', kind: 'text', multiline: true, maxLength: 4000, label: { fr: 'Autres détails', en: 'Other details' } },
      ],
    },
  ],
} satisfies FormDefinition;
