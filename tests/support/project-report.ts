/** The fields of a valid project report (/projekt-melden/), for the API tests. */
import { randomUUID } from 'node:crypto';

export type ReportBody = Record<string, string | string[]>;

export const reportFields = (email: string, topic: string, extra: ReportBody = {}): ReportBody => ({
  title: `Gemeinsamer Bauhof ${randomUUID().slice(0, 8)}`,
  lead: '05314000', // Bonn
  municipalities: ['05382068', '05382056'], // Troisdorf, Sankt Augustin
  topics: [topic],
  cooperationForm: 'Zweckverband',
  projectStatus: 'in Betrieb',
  startYear: '2021',
  summary: `Drei Kommunen betreiben einen gemeinsamen Bauhof. ${randomUUID()}`,
  occasion: 'Fachkräftemangel im <b>Winterdienst</b> & teure Maschinen.',
  goal: 'Ein Bauhof für drei Kommunen.',
  implementation: '',
  results: '',
  funding: 'Förderprogramm IKZ NRW',
  name: 'Erika Mustermann',
  role: 'Kämmerin',
  email,
  phone: '0228 123456',
  publishContact: 'ja',
  consent: 'ja',
  website: '',
  ...extra,
});
