/** Answers for the Node tests of answers-to-text and report flags: a complete Stop Deal report. */
export const FULL_STOP_DEAL = {
  district: 'argentine',
  place: 'Cage d’escalier du 12 rue des Lilas',
  point: { lat: 49.432101, lon: 2.081234, accuracy: 28.6 },
  date: '2026-11-20',
  'time-from': '21:30',
  frequency: 'set-hours',
  hours: 'de 17 h à 22 h',
  activities: ['selling', 'lookouts'],
  products: ['crack'],
  people: [{ count: 3, role: 'lookout', description: 'veste rouge\nsac banane' }],
  vehicles: [{ kind: 'car', make: 'Clio', colour: 'grise', plate: 'AB-1' }, { kind: 'motorbike' }],
  'hiding-places': 'local poubelles, bâtiment C',
  details: 'Surtout le week-end.',
};
