/** The attribution lines the licences of the reference data require wherever the site uses it (shared-types/reference-data/SOURCES.md and LICENCE.md). */
export const ATTRIBUTION = {
  destatis:
    'Datenquelle: Statistisches Bundesamt (Destatis), Gemeindeverzeichnis GV100AD, Gebietsstand 30.11.2025; Datenlizenz Deutschland – Namensnennung – Version 2.0; Daten verändert (Auszug NRW, eigene Berechnung der Kreis-/RB-Summen).',
  licenceUrl: 'https://www.govdata.de/dl-de/by-2-0',
  bkg: '© GeoBasis-DE / BKG 2021 (Daten verändert)',
  bkgUrl: 'https://www.bkg.bund.de',
};
