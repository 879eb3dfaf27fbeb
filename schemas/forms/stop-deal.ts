/**
 * The Stop Deal form (issue 2): where, when, how often, what, people, vehicles, hiding
 * places, details, optional contact. Field ids and option values are part of sealed
 * reports: never rename one; add a new `version` instead.
 */
import type { FormDefinition } from '../form.ts';

export const stopDeal = {
  id: 'stop-deal',
  version: 1,
  title: { fr: 'Stop Deal', en: 'Stop Deal' },
  summary: {
    fr: 'Signaler un point de deal, une cache ou des allées et venues liées à la drogue.',
    en: 'Report a drug-dealing spot, a stash, or comings and goings linked to drugs.',
  },
  contact: true,
  steps: [
    {
      id: 'where',
      title: { fr: 'Où ?', en: 'Where?' },
      fields: [
        { id: 'district', kind: 'district', required: true, label: { fr: 'Quartier', en: 'District' } },
        {
          id: 'place',
          kind: 'text',
          required: true,
          maxLength: 300,
          label: { fr: 'Rue, adresse ou repère', en: 'Street, address or landmark' },
          help: { fr: 'Par exemple : « cage d’escalier du 12 rue des Lilas », « derrière le gymnase ».', en: 'For example: "stairwell at 12 rue des Lilas", "behind the gym".' },
        },
        {
          id: 'point',
          kind: 'point',
          label: { fr: 'Position sur la carte (facultatif)', en: 'Position on the map (optional)' },
          help: { fr: 'Seulement si vous le demandez : le téléphone donne sa position actuelle.', en: 'Only if you ask: the phone gives its current position.' },
        },
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
            { value: 'set-hours', label: { fr: 'À heures fixes', en: 'At set hours' } },
          ],
        },
        {
          id: 'hours',
          kind: 'text',
          maxLength: 200,
          showIf: { field: 'frequency', equals: 'set-hours' },
          label: { fr: 'Quelles heures ?', en: 'Which hours?' },
          help: { fr: 'Par exemple : « de 17 h à 22 h, surtout le week-end ».', en: 'For example: "5 pm to 10 pm, mostly at weekends".' },
        },
      ],
    },
    {
      id: 'what',
      title: { fr: 'Que se passe-t-il ?', en: 'What is going on?' },
      fields: [
        {
          id: 'activities',
          kind: 'choice',
          multiple: true,
          required: true,
          label: { fr: 'Ce que vous avez vu', en: 'What you saw' },
          options: [
            { value: 'selling', label: { fr: 'Vente', en: 'Selling' } },
            { value: 'lookouts', label: { fr: 'Guetteurs', en: 'Lookouts' } },
            { value: 'stash', label: { fr: 'Cache de drogue', en: 'Drug stash' } },
            { value: 'consumption', label: { fr: 'Consommation', en: 'Drug use' } },
            { value: 'violence', label: { fr: 'Violences, menaces', en: 'Violence, threats' } },
            { value: 'other', label: { fr: 'Autre', en: 'Other' } },
          ],
        },
        {
          id: 'products',
          kind: 'choice',
          multiple: true,
          label: { fr: 'Produits, si vous les connaissez', en: 'Products, if you know them' },
          options: [
            { value: 'cannabis', label: { fr: 'Cannabis', en: 'Cannabis' } },
            { value: 'cocaine', label: { fr: 'Cocaïne', en: 'Cocaine' } },
            { value: 'crack', label: { fr: 'Crack', en: 'Crack' } },
            { value: 'heroin', label: { fr: 'Héroïne', en: 'Heroin' } },
            { value: 'synthetic', label: { fr: 'Drogues de synthèse', en: 'Synthetic drugs' } },
            { value: 'other', label: { fr: 'Autre', en: 'Other' } },
          ],
        },
      ],
    },
    {
      id: 'people',
      title: { fr: 'Personnes', en: 'People' },
      help: { fr: 'Décrivez seulement ce que vous avez vu. Tout est facultatif.', en: 'Describe only what you saw. Everything is optional.' },
      fields: [
        {
          id: 'people',
          kind: 'group',
          maxItems: 10,
          label: { fr: 'Personnes vues', en: 'People seen' },
          itemLabel: { fr: 'Groupe de personnes', en: 'Group of people' },
          addLabel: { fr: 'Ajouter des personnes', en: 'Add people' },
          fields: [
            { id: 'count', kind: 'number', min: 1, max: 50, label: { fr: 'Combien ?', en: 'How many?' } },
            {
              id: 'role',
              kind: 'choice',
              label: { fr: 'Rôle', en: 'Role' },
              options: [
                { value: 'seller', label: { fr: 'Vendeur', en: 'Seller' } },
                { value: 'lookout', label: { fr: 'Guetteur', en: 'Lookout' } },
                { value: 'buyer', label: { fr: 'Acheteur', en: 'Buyer' } },
                { value: 'unknown', label: { fr: 'Je ne sais pas', en: 'I don’t know' } },
              ],
            },
            { id: 'description', kind: 'text', multiline: true, maxLength: 1000, label: { fr: 'Description (tenue, taille, âge…)', en: 'Description (clothes, height, age…)' } },
          ],
        },
      ],
    },
    {
      id: 'vehicles',
      title: { fr: 'Véhicules et caches', en: 'Vehicles and hiding places' },
      fields: [
        {
          id: 'vehicles',
          kind: 'group',
          maxItems: 10,
          label: { fr: 'Véhicules', en: 'Vehicles' },
          itemLabel: { fr: 'Véhicule', en: 'Vehicle' },
          addLabel: { fr: 'Ajouter un véhicule', en: 'Add a vehicle' },
          fields: [
            {
              id: 'kind',
              kind: 'choice',
              label: { fr: 'Type', en: 'Kind' },
              options: [
                { value: 'car', label: { fr: 'Voiture', en: 'Car' } },
                { value: 'motorbike', label: { fr: 'Moto ou scooter', en: 'Motorbike or scooter' } },
                { value: 'van', label: { fr: 'Camionnette', en: 'Van' } },
                { value: 'bicycle', label: { fr: 'Vélo', en: 'Bicycle' } },
                { value: 'other', label: { fr: 'Autre', en: 'Other' } },
              ],
            },
            { id: 'make', kind: 'text', maxLength: 80, label: { fr: 'Marque, modèle', en: 'Make, model' } },
            { id: 'colour', kind: 'text', maxLength: 40, label: { fr: 'Couleur', en: 'Colour' } },
            { id: 'plate', kind: 'text', maxLength: 20, label: { fr: 'Plaque (même en partie)', en: 'Plate (even partly)' } },
          ],
        },
        {
          id: 'hiding-places',
          kind: 'text',
          multiline: true,
          maxLength: 1000,
          label: { fr: 'Caches (drogue, argent, armes)', en: 'Hiding places (drugs, money, weapons)' },
          help: { fr: 'Par exemple : « dans le local poubelles du bâtiment C ».', en: 'For example: "in the bin room of building C".' },
        },
      ],
    },
    {
      id: 'details',
      title: { fr: 'Autres détails', en: 'Other details' },
      fields: [
        { id: 'details', kind: 'text', multiline: true, maxLength: 4000, label: { fr: 'Ce que vous voulez ajouter', en: 'Anything you want to add' } },
      ],
    },
  ],
} satisfies FormDefinition;
