/**
 * Topic areas (Handlungsfelder) of the demo content. `task` is an accusative noun phrase that the project
 * texts build on ("Die Kommunen organisieren {task} gemeinsam"); titles use {lead}, {partner}, {kreis}, {count}.
 */
export interface TopicSeed {
  name: string;
  description: string;
  focus: boolean;
  task: string;
  titles: string[];
  keywords: string[];
  related: string[];
}

export const TOPICS: TopicSeed[] = [
  {
    name: 'Digitalisierung der Kommunalverwaltung',
    description:
      'Gemeinsame digitale Verwaltungsleistungen, Online-Dienste nach dem Onlinezugangsgesetz und geteilte Fachverfahren. Kleine Kommunen profitieren besonders, wenn sie Know-how und Software bündeln.',
    focus: true,
    task: 'die Digitalisierung ihrer Verwaltungsleistungen',
    titles: [
      'Digitales Rathaus {lead} und {partner}',
      'Gemeinsame OZG-Umsetzung im {kreis}',
      'Interkommunales E-Akten-Projekt {lead}',
      'Digitallotsen-Netzwerk von {count} Kommunen im {kreis}',
      'Gemeinsames Bürgerportal {lead} – {partner}',
      'Kooperation Digitale Bauantragsverfahren {lead}',
    ],
    keywords: ['Onlinezugangsgesetz', 'E-Akte', 'Bürgerportal', 'Fachverfahren', 'Digitalisierung'],
    related: ['IT und Rechenzentrum', 'Datenschutz und Informationssicherheit', 'Shared Service Center'],
  },
  {
    name: 'Shared Service Center',
    description:
      'Gemeinsame Dienstleistungszentren übernehmen Querschnittsaufgaben wie Personalabrechnung, Beschaffung oder Kassengeschäfte für mehrere Kommunen. So entstehen Fachwissen, Vertretungsregeln und Kostenvorteile.',
    focus: true,
    task: 'ihre Querschnittsaufgaben in einem gemeinsamen Dienstleistungszentrum',
    titles: [
      'Shared Service Center Personal im {kreis}',
      'Gemeinsames Dienstleistungszentrum {lead} und {partner}',
      'Shared Service Center Finanzbuchhaltung {lead}',
      'Servicezentrum Zentrale Dienste von {count} Kommunen',
      'Shared Service Center Vergabe und Beschaffung {lead}',
      'Gemeinsame Stadtkasse {lead} – {partner}',
    ],
    keywords: ['Shared Service', 'Querschnittsaufgaben', 'Dienstleistungszentrum', 'Personalabrechnung', 'Kasse'],
    related: ['Personalabrechnung', 'Beschaffung', 'Kommunale Finanzen und Steuern'],
  },
  {
    name: 'Bauhof und Fuhrpark',
    description:
      'Kommunen teilen Fahrzeuge, Maschinen und Personal ihrer Bauhöfe. Gemeinsame Betriebshöfe senken Vorhaltekosten und sichern die Einsatzbereitschaft.',
    focus: false,
    task: 'den Betrieb ihrer Bauhöfe und Fahrzeugflotten',
    titles: [
      'Gemeinsamer Bauhof {lead} und {partner}',
      'Interkommunaler Maschinenpool im {kreis}',
      'Fuhrparkkooperation {lead}',
    ],
    keywords: ['Bauhof', 'Fuhrpark', 'Maschinenpool', 'Betriebshof'],
    related: ['Winterdienst', 'Grünflächenpflege'],
  },
  {
    name: 'Abwasserbeseitigung',
    description:
      'Gemeinsame Kläranlagen, Kanalbetrieb und Starkregenvorsorge. Die Zusammenarbeit sichert Fachpersonal und verteilt hohe Investitionen auf mehrere Schultern.',
    focus: false,
    task: 'die Abwasserbeseitigung und den Kanalbetrieb',
    titles: [
      'Abwasserkooperation {lead} und {partner}',
      'Gemeinsame Kläranlage im {kreis}',
      'Kanalnetzbetrieb {lead} – {partner}',
    ],
    keywords: ['Abwasser', 'Kläranlage', 'Kanalnetz', 'Starkregen'],
    related: ['Klimaschutz und Klimaanpassung'],
  },
  {
    name: 'Wasserversorgung',
    description:
      'Zusammenarbeit bei Gewinnung, Aufbereitung und Verteilung von Trinkwasser. Verbünde stärken die Versorgungssicherheit auch in Trockenjahren.',
    focus: false,
    task: 'die Trinkwasserversorgung',
    titles: [
      'Wasserverbund {lead} und {partner}',
      'Notverbund Trinkwasser im {kreis}',
      'Gemeinsame Wasserwerke {lead}',
    ],
    keywords: ['Trinkwasser', 'Wasserwerk', 'Versorgungssicherheit', 'Notverbund'],
    related: ['Klimaschutz und Klimaanpassung'],
  },
  {
    name: 'Abfallwirtschaft',
    description:
      'Gemeinsame Sammlung, Wertstoffhöfe und Entsorgungsverträge. Größere Einheiten erzielen bessere Konditionen und einheitliche Standards.',
    focus: false,
    task: 'die Abfallentsorgung und den Betrieb der Wertstoffhöfe',
    titles: [
      'Gemeinsamer Wertstoffhof {lead} und {partner}',
      'Abfallwirtschaftskooperation im {kreis}',
      'Interkommunale Sammellogistik {lead}',
    ],
    keywords: ['Abfall', 'Wertstoffhof', 'Entsorgung', 'Kreislaufwirtschaft'],
    related: ['Klimaschutz und Klimaanpassung'],
  },
  {
    name: 'Standesamt',
    description:
      'Standesamtsbezirke über Gemeindegrenzen hinweg und gemeinsame Vertretungen. Kleine Standesämter gewinnen so Stabilität und Spezialwissen.',
    focus: false,
    task: 'die Aufgaben des Standesamts',
    titles: [
      'Gemeinsamer Standesamtsbezirk {lead} und {partner}',
      'Standesamtskooperation im {kreis}',
      'Standesamt {lead} – {partner}',
    ],
    keywords: ['Standesamt', 'Personenstand', 'Standesamtsbezirk', 'Vertretung'],
    related: ['Digitalisierung der Kommunalverwaltung'],
  },
  {
    name: 'Vergabestelle',
    description:
      'Zentrale Vergabestellen führen Ausschreibungen für mehrere Kommunen durch. Das schafft Rechtssicherheit und entlastet die Fachämter.',
    focus: false,
    task: 'die Durchführung ihrer Vergabeverfahren',
    titles: [
      'Zentrale Vergabestelle {lead}',
      'Gemeinsame Vergabestelle im {kreis}',
      'Vergabekooperation {lead} und {partner}',
    ],
    keywords: ['Vergabe', 'Ausschreibung', 'Vergaberecht', 'E-Vergabe'],
    related: ['Beschaffung', 'Shared Service Center'],
  },
  {
    name: 'Rechnungsprüfung',
    description:
      'Gemeinsame Rechnungsprüfungsämter prüfen Jahresabschlüsse und Vergaben mehrerer Kommunen. Die Prüfung wird unabhängiger und fachlich breiter aufgestellt.',
    focus: false,
    task: 'die örtliche Rechnungsprüfung',
    titles: [
      'Gemeinsame Rechnungsprüfung {lead} und {partner}',
      'Rechnungsprüfungsamt für {count} Kommunen im {kreis}',
      'Prüfungskooperation {lead}',
    ],
    keywords: ['Rechnungsprüfung', 'Jahresabschluss', 'Prüfung', 'Finanzkontrolle'],
    related: ['Kommunale Finanzen und Steuern'],
  },
  {
    name: 'Personalabrechnung',
    description:
      'Bezüge- und Entgeltabrechnung aus einer Hand. Kommunen sichern so Vertretung, aktuelle Rechtskenntnis und moderne Software.',
    focus: false,
    task: 'die Entgelt- und Bezügeabrechnung',
    titles: [
      'Gemeinsame Entgeltabrechnung {lead} und {partner}',
      'Personalabrechnung für {count} Kommunen im {kreis}',
      'Bezügestelle {lead}',
    ],
    keywords: ['Entgeltabrechnung', 'Bezüge', 'Personalwirtschaft', 'TVöD'],
    related: ['Shared Service Center', 'Personalgewinnung und Ausbildung'],
  },
  {
    name: 'IT und Rechenzentrum',
    description:
      'Gemeinsamer IT-Betrieb, Rechenzentren und Netze. Kommunen teilen Infrastruktur und Fachpersonal und erhöhen die Ausfallsicherheit.',
    focus: false,
    task: 'den Betrieb ihrer IT-Infrastruktur',
    titles: [
      'IT-Kooperation {lead} und {partner}',
      'Gemeinsames Rechenzentrum im {kreis}',
      'IT-Verbund von {count} Kommunen',
    ],
    keywords: ['IT-Betrieb', 'Rechenzentrum', 'Netzwerk', 'Informationstechnik'],
    related: ['Digitalisierung der Kommunalverwaltung', 'Datenschutz und Informationssicherheit'],
  },
  {
    name: 'Feuerwehr und Brandschutz',
    description:
      'Gemeinsame Atemschutzwerkstätten, Ausbildung und Beschaffung von Fahrzeugen. Die Zusammenarbeit stärkt den Brandschutz gerade im ländlichen Raum.',
    focus: false,
    task: 'Aufgaben des Brandschutzes wie Ausbildung und Gerätewartung',
    titles: [
      'Gemeinsame Atemschutzwerkstatt {lead} und {partner}',
      'Feuerwehrausbildung im {kreis}',
      'Brandschutzkooperation {lead}',
    ],
    keywords: ['Feuerwehr', 'Atemschutz', 'Brandschutz', 'Ausbildung'],
    related: ['Katastrophenschutz', 'Rettungsdienst'],
  },
  {
    name: 'Rettungsdienst',
    description:
      'Abgestimmte Rettungswachen, Leitstellen und Notarztstandorte. Ziel ist eine verlässliche Hilfsfrist über Gemeindegrenzen hinweg.',
    focus: false,
    task: 'die Organisation des Rettungsdienstes',
    titles: [
      'Gemeinsame Rettungswache {lead} und {partner}',
      'Rettungsdienstkooperation im {kreis}',
      'Notarztstandort {lead}',
    ],
    keywords: ['Rettungsdienst', 'Rettungswache', 'Hilfsfrist', 'Leitstelle'],
    related: ['Feuerwehr und Brandschutz'],
  },
  {
    name: 'Gewerbeflächen',
    description:
      'Interkommunale Gewerbegebiete und gemeinsame Flächenvermarktung. Kommunen teilen Erschließungskosten und Steuereinnahmen nach vereinbartem Schlüssel.',
    focus: false,
    task: 'die Entwicklung und Vermarktung von Gewerbeflächen',
    titles: [
      'Interkommunales Gewerbegebiet {lead}/{partner}',
      'Gewerbeflächenpool im {kreis}',
      'Gemeinsamer Gewerbepark {lead}',
    ],
    keywords: ['Gewerbegebiet', 'Flächenmanagement', 'Erschließung', 'Gewerbesteuer'],
    related: ['Wirtschaftsförderung', 'Stadtentwicklung und Regionalplanung'],
  },
  {
    name: 'Wirtschaftsförderung',
    description:
      'Gemeinsame Anlaufstellen für Unternehmen, Gründungsberatung und Standortmarketing. Die Region tritt gegenüber Investoren geschlossen auf.',
    focus: false,
    task: 'die Wirtschaftsförderung und Unternehmensberatung',
    titles: [
      'Regionale Wirtschaftsförderung {lead} und {partner}',
      'Gründungsnetzwerk im {kreis}',
      'Standortmarketing {lead}',
    ],
    keywords: ['Wirtschaftsförderung', 'Gründung', 'Standortmarketing', 'Fachkräfte'],
    related: ['Gewerbeflächen', 'Tourismus'],
  },
  {
    name: 'Tourismus',
    description:
      'Gemeinsame Tourismusmarken, Radwegenetze und Gästeinformation. Kleine Orte werden als Teil einer Region sichtbar.',
    focus: false,
    task: 'das Tourismusmarketing und die Gästeinformation',
    titles: ['Tourismusregion {lead} und {partner}', 'Radwegenetz im {kreis}', 'Gemeinsame Gästeinformation {lead}'],
    keywords: ['Tourismus', 'Radwege', 'Gästeinformation', 'Regionalmarke'],
    related: ['Wirtschaftsförderung', 'Kultur'],
  },
  {
    name: 'Kultur',
    description:
      'Gemeinsame Veranstaltungsprogramme, Museen und Kulturbüros. Kooperation ermöglicht ein Angebot, das eine Kommune allein nicht tragen könnte.',
    focus: false,
    task: 'die Kulturarbeit und ihr Veranstaltungsprogramm',
    titles: ['Kulturkooperation {lead} und {partner}', 'Gemeinsames Kulturbüro im {kreis}', 'Museumsverbund {lead}'],
    keywords: ['Kultur', 'Museum', 'Veranstaltungen', 'Kulturbüro'],
    related: ['Tourismus', 'Bibliotheken'],
  },
  {
    name: 'Bibliotheken',
    description:
      'Onleihe-Verbünde, gemeinsame Kataloge und Fahrbibliotheken. Bürgerinnen und Bürger erhalten Zugang zu einem größeren Medienbestand.',
    focus: false,
    task: 'den Betrieb ihrer öffentlichen Bibliotheken',
    titles: ['Bibliotheksverbund {lead} und {partner}', 'Gemeinsame Onleihe im {kreis}', 'Fahrbibliothek {lead}'],
    keywords: ['Bibliothek', 'Onleihe', 'Medien', 'Leseförderung'],
    related: ['Kultur', 'Schulträgerschaft'],
  },
  {
    name: 'Volkshochschule',
    description:
      'Zweckverbände tragen Volkshochschulen für mehrere Kommunen. Das Weiterbildungsangebot wird breiter und wohnortnah.',
    focus: false,
    task: 'das Weiterbildungsangebot ihrer Volkshochschule',
    titles: ['VHS-Zweckverband {lead} und {partner}', 'Volkshochschule im {kreis}', 'Weiterbildungskooperation {lead}'],
    keywords: ['Volkshochschule', 'Weiterbildung', 'Integrationskurse', 'Zweckverband'],
    related: ['Integration', 'Kultur'],
  },
  {
    name: 'Musikschule',
    description:
      'Gemeinsame Musikschulen bieten Unterricht an mehreren Standorten. Lehrkräfte werden besser ausgelastet, Familien haben kurze Wege.',
    focus: false,
    task: 'den Musikschulunterricht',
    titles: [
      'Gemeinsame Musikschule {lead} und {partner}',
      'Musikschulverbund im {kreis}',
      'Musikschule {lead} – {partner}',
    ],
    keywords: ['Musikschule', 'Musikunterricht', 'Kulturelle Bildung'],
    related: ['Kultur', 'Schulträgerschaft'],
  },
  {
    name: 'Schulträgerschaft',
    description:
      'Gemeinsame Schulen, Schulverbünde und abgestimmte Schulentwicklungspläne. Bei sinkenden Schülerzahlen sichern Kommunen so wohnortnahe Angebote.',
    focus: false,
    task: 'die Trägerschaft für ihre weiterführenden Schulen',
    titles: [
      'Gemeinsame Sekundarschule {lead}/{partner}',
      'Schulentwicklungsplanung im {kreis}',
      'Schulverbund {lead}',
    ],
    keywords: ['Schule', 'Schulentwicklung', 'Schulträger', 'Sekundarschule'],
    related: ['Kinderbetreuung', 'Mobilität und ÖPNV'],
  },
  {
    name: 'Kinderbetreuung',
    description:
      'Gemeinsame Kita-Planung, Fachberatung und Vermittlung von Tagespflege. Eltern finden leichter einen Platz, Träger werden entlastet.',
    focus: false,
    task: 'die Kita-Bedarfsplanung und Tagespflegevermittlung',
    titles: [
      'Kita-Kooperation {lead} und {partner}',
      'Gemeinsame Tagespflegebörse im {kreis}',
      'Fachberatung Kindertagesbetreuung {lead}',
    ],
    keywords: ['Kita', 'Kindertagespflege', 'Bedarfsplanung', 'Fachberatung'],
    related: ['Jugendhilfe'],
  },
  {
    name: 'Jugendhilfe',
    description:
      'Zusammenarbeit in Jugendämtern, Erziehungsberatung und Jugendarbeit. Spezialisierte Hilfen werden auch in kleineren Kommunen erreichbar.',
    focus: false,
    task: 'Angebote der Kinder- und Jugendhilfe',
    titles: [
      'Gemeinsame Erziehungsberatungsstelle {lead} und {partner}',
      'Jugendhilfekooperation im {kreis}',
      'Mobile Jugendarbeit {lead}',
    ],
    keywords: ['Jugendhilfe', 'Erziehungsberatung', 'Jugendarbeit', 'Kinderschutz'],
    related: ['Kinderbetreuung', 'Integration'],
  },
  {
    name: 'Gesundheit',
    description:
      'Kommunale Gesundheitskonferenzen, Ärztegewinnung und Gesundheitsförderung. Gerade ländliche Räume sichern so die medizinische Versorgung.',
    focus: false,
    task: 'die Sicherung der hausärztlichen Versorgung',
    titles: [
      'Gesundheitsregion {lead} und {partner}',
      'Hausarztgewinnung im {kreis}',
      'Gemeinsames Gesundheitszentrum {lead}',
    ],
    keywords: ['Gesundheit', 'Hausärzte', 'Gesundheitsförderung', 'Versorgung'],
    related: ['Pflege'],
  },
  {
    name: 'Pflege',
    description:
      'Pflegeberatung, Quartiersarbeit und Planung von Pflegeangeboten. Kommunen stimmen ihre Angebote ab und teilen Beratungsstellen.',
    focus: false,
    task: 'die Pflegeberatung und Quartiersarbeit',
    titles: [
      'Gemeinsamer Pflegestützpunkt {lead} und {partner}',
      'Pflegeplanung im {kreis}',
      'Quartiersnetzwerk {lead}',
    ],
    keywords: ['Pflege', 'Pflegeberatung', 'Quartier', 'Senioren'],
    related: ['Gesundheit', 'Wohnen'],
  },
  {
    name: 'Klimaschutz und Klimaanpassung',
    description:
      'Gemeinsame Klimaschutzmanagements, Wärmeplanung und Hitzevorsorge. Kommunen teilen Personal und Förderprojekte und lernen voneinander.',
    focus: false,
    task: 'Klimaschutz und Klimaanpassung',
    titles: [
      'Gemeinsames Klimaschutzmanagement {lead} und {partner}',
      'Kommunale Wärmeplanung im {kreis}',
      'Klimaanpassung {lead} – {partner}',
    ],
    keywords: ['Klimaschutz', 'Wärmeplanung', 'Klimaanpassung', 'Hitzeschutz'],
    related: ['Energie', 'Mobilität und ÖPNV'],
  },
  {
    name: 'Energie',
    description:
      'Gemeinsame Energieeinkäufe, Bürgerenergie und Energiemanagement in Liegenschaften. Die Zusammenarbeit senkt Kosten und Emissionen.',
    focus: false,
    task: 'den Energieeinkauf und das Energiemanagement ihrer Gebäude',
    titles: [
      'Energieeinkaufsgemeinschaft {lead} und {partner}',
      'Kommunales Energiemanagement im {kreis}',
      'Solaroffensive {lead}',
    ],
    keywords: ['Energie', 'Energiemanagement', 'Photovoltaik', 'Energieeinkauf'],
    related: ['Klimaschutz und Klimaanpassung', 'Beschaffung'],
  },
  {
    name: 'Mobilität und ÖPNV',
    description:
      'Abgestimmte Busangebote, Bürgerbusse, Radschnellwege und Mobilstationen. Mobilität endet nicht an der Gemeindegrenze.',
    focus: false,
    task: 'die Planung von Bus- und Radverkehr',
    titles: ['Bürgerbus {lead} – {partner}', 'Mobilitätskonzept im {kreis}', 'Radschnellweg {lead}/{partner}'],
    keywords: ['ÖPNV', 'Bürgerbus', 'Radverkehr', 'Mobilstation'],
    related: ['Klimaschutz und Klimaanpassung', 'Ländliche Entwicklung'],
  },
  {
    name: 'Breitbandausbau',
    description:
      'Gemeinsame Förderanträge und Ausschreibungen für Glasfaser und Mobilfunk. Kreise und Gemeinden koordinieren den Ausbau der weißen Flecken.',
    focus: false,
    task: 'den Glasfaserausbau',
    titles: ['Glasfaserausbau {lead} und {partner}', 'Breitbandkoordination im {kreis}', 'Gigabitkooperation {lead}'],
    keywords: ['Breitband', 'Glasfaser', 'Gigabit', 'Mobilfunk'],
    related: ['Digitalisierung der Kommunalverwaltung', 'Ländliche Entwicklung'],
  },
  {
    name: 'Bauaufsicht',
    description:
      'Gemeinsame Bauaufsichtsbehörden und digitale Bauanträge. Die Zusammenarbeit verkürzt Bearbeitungszeiten und sichert Fachpersonal.',
    focus: false,
    task: 'die Aufgaben der unteren Bauaufsicht',
    titles: [
      'Gemeinsame Bauaufsicht {lead} und {partner}',
      'Digitale Baugenehmigung im {kreis}',
      'Bauaufsichtskooperation {lead}',
    ],
    keywords: ['Bauaufsicht', 'Baugenehmigung', 'Bauantrag', 'Bauordnung'],
    related: ['Digitalisierung der Kommunalverwaltung', 'Stadtentwicklung und Regionalplanung'],
  },
  {
    name: 'Geoinformation und Vermessung',
    description:
      'Gemeinsame Geodateninfrastrukturen, Luftbilder und Vermessungsleistungen. Daten werden einmal erhoben und von vielen genutzt.',
    focus: false,
    task: 'die Pflege ihrer Geodaten und Vermessungsleistungen',
    titles: ['Geodatenportal {lead} und {partner}', 'GIS-Kooperation im {kreis}', 'Gemeinsame Vermessung {lead}'],
    keywords: ['Geoinformation', 'GIS', 'Vermessung', 'Geodaten'],
    related: ['Digitalisierung der Kommunalverwaltung', 'Bauaufsicht'],
  },
  {
    name: 'Ordnungsamt',
    description:
      'Gemeinsamer kommunaler Ordnungsdienst, Verkehrsüberwachung und Gewerbeangelegenheiten. Die Präsenz in der Fläche steigt, Bereitschaften werden geteilt.',
    focus: false,
    task: 'den kommunalen Ordnungsdienst',
    titles: [
      'Gemeinsamer Ordnungsdienst {lead} und {partner}',
      'Verkehrsüberwachung im {kreis}',
      'Ordnungspartnerschaft {lead}',
    ],
    keywords: ['Ordnungsamt', 'Ordnungsdienst', 'Verkehrsüberwachung', 'Gewerbeamt'],
    related: ['Katastrophenschutz'],
  },
  {
    name: 'Kommunale Finanzen und Steuern',
    description:
      'Gemeinsame Steuerämter, Vollstreckung und Kassen. Spezialisierte Teams arbeiten wirtschaftlicher und rechtssicher.',
    focus: false,
    task: 'die Veranlagung der Gemeindesteuern und die Vollstreckung',
    titles: [
      'Gemeinsames Steueramt {lead} und {partner}',
      'Vollstreckungskooperation im {kreis}',
      'Grundsteuerstelle {lead}',
    ],
    keywords: ['Steuern', 'Grundsteuer', 'Vollstreckung', 'Kasse'],
    related: ['Shared Service Center', 'Rechnungsprüfung'],
  },
  {
    name: 'Beschaffung',
    description:
      'Einkaufsgemeinschaften für Büromaterial, Fahrzeuge, Strom und IT. Größere Mengen bringen bessere Preise und weniger Aufwand.',
    focus: false,
    task: 'ihre Beschaffung',
    titles: [
      'Einkaufsgemeinschaft {lead} und {partner}',
      'Zentrale Beschaffung im {kreis}',
      'Beschaffungsverbund von {count} Kommunen',
    ],
    keywords: ['Beschaffung', 'Einkauf', 'Rahmenvertrag', 'Einkaufsgemeinschaft'],
    related: ['Vergabestelle', 'Shared Service Center'],
  },
  {
    name: 'Archiv',
    description:
      'Gemeinsame Archive, digitale Langzeitarchivierung und Archivpädagogik. Das historische Gedächtnis der Kommunen wird fachgerecht bewahrt.',
    focus: false,
    task: 'die Archivierung ihrer Unterlagen',
    titles: [
      'Gemeinsames Archiv {lead} und {partner}',
      'Digitale Langzeitarchivierung im {kreis}',
      'Archivverbund {lead}',
    ],
    keywords: ['Archiv', 'Langzeitarchivierung', 'Schriftgut', 'Stadtgeschichte'],
    related: ['Digitalisierung der Kommunalverwaltung', 'Kultur'],
  },
  {
    name: 'Friedhofswesen',
    description:
      'Gemeinsame Friedhofsverwaltung, Gebührenkalkulation und Pflege. Kommunen reagieren gemeinsam auf veränderte Bestattungskultur.',
    focus: false,
    task: 'die Friedhofsverwaltung',
    titles: [
      'Friedhofskooperation {lead} und {partner}',
      'Gemeinsame Friedhofsverwaltung im {kreis}',
      'Friedhofsentwicklungskonzept {lead}',
    ],
    keywords: ['Friedhof', 'Bestattung', 'Gebühren', 'Grünpflege'],
    related: ['Grünflächenpflege', 'Bauhof und Fuhrpark'],
  },
  {
    name: 'Grünflächenpflege',
    description:
      'Gemeinsame Pflegekolonnen, Baumkontrolle und Straßenbegleitgrün. Spezialgeräte und Fachkräfte werden besser ausgelastet.',
    focus: false,
    task: 'die Pflege von Grünflächen und die Baumkontrolle',
    titles: [
      'Grünflächenkooperation {lead} und {partner}',
      'Gemeinsame Baumkontrolle im {kreis}',
      'Pflegeverbund Straßenbegleitgrün {lead}',
    ],
    keywords: ['Grünflächen', 'Baumkontrolle', 'Pflege', 'Biodiversität'],
    related: ['Bauhof und Fuhrpark', 'Klimaschutz und Klimaanpassung'],
  },
  {
    name: 'Winterdienst',
    description:
      'Abgestimmte Streupläne, gemeinsame Salzlager und Räumfahrzeuge. Straßen werden unabhängig von Gemeindegrenzen geräumt.',
    focus: false,
    task: 'den Winterdienst',
    titles: [
      'Winterdienstkooperation {lead} und {partner}',
      'Gemeinsames Salzlager im {kreis}',
      'Räum- und Streudienst {lead}',
    ],
    keywords: ['Winterdienst', 'Streusalz', 'Räumdienst', 'Straßenunterhaltung'],
    related: ['Bauhof und Fuhrpark'],
  },
  {
    name: 'Katastrophenschutz',
    description:
      'Gemeinsame Krisenstäbe, Warnsysteme und Notfallvorsorge. Die Kommunen sind für Starkregen, Stromausfall und Pandemien besser gerüstet.',
    focus: false,
    task: 'Krisenmanagement und Bevölkerungsschutz',
    titles: ['Krisenvorsorge {lead} und {partner}', 'Sirenennetz im {kreis}', 'Notfalltreffpunkte {lead}'],
    keywords: ['Katastrophenschutz', 'Krisenstab', 'Warnung', 'Notfallvorsorge'],
    related: ['Feuerwehr und Brandschutz', 'Ordnungsamt'],
  },
  {
    name: 'Integration',
    description:
      'Kommunale Integrationszentren, Sprachmittlerpools und Beratung für Zugewanderte. Angebote werden gebündelt und bekannter gemacht.',
    focus: false,
    task: 'die Integrationsarbeit',
    titles: ['Sprachmittlerpool {lead} und {partner}', 'Integrationsnetzwerk im {kreis}', 'Willkommenszentrum {lead}'],
    keywords: ['Integration', 'Sprachmittlung', 'Zuwanderung', 'Beratung'],
    related: ['Volkshochschule', 'Jugendhilfe'],
  },
  {
    name: 'Sport und Bäder',
    description:
      'Gemeinsame Hallen- und Freibäder, Sportstättenplanung und Schwimmausbildung. Bäder bleiben erhalten, weil mehrere Kommunen sie tragen.',
    focus: false,
    task: 'den Betrieb ihrer Bäder und Sportstätten',
    titles: ['Gemeinsames Hallenbad {lead} und {partner}', 'Bäderkooperation im {kreis}', 'Sportstättenverbund {lead}'],
    keywords: ['Schwimmbad', 'Sportstätten', 'Schwimmausbildung', 'Bäder'],
    related: ['Schulträgerschaft', 'Energie'],
  },
  {
    name: 'Wohnen',
    description:
      'Gemeinsame Wohnraumversorgungskonzepte, Baulandmodelle und Wohnungsbaugesellschaften. Bezahlbarer Wohnraum wird regional geplant.',
    focus: false,
    task: 'die Wohnraumversorgung',
    titles: [
      'Wohnraumkonzept {lead} und {partner}',
      'Regionales Baulandmanagement im {kreis}',
      'Gemeinsame Wohnungsbaugesellschaft {lead}',
    ],
    keywords: ['Wohnen', 'Bauland', 'Wohnungsbau', 'Wohnraumversorgung'],
    related: ['Stadtentwicklung und Regionalplanung', 'Pflege'],
  },
  {
    name: 'Stadtentwicklung und Regionalplanung',
    description:
      'Integrierte Entwicklungskonzepte, Innenstadtmanagement und abgestimmte Flächenplanung. Kommunen denken ihre Entwicklung als Region.',
    focus: false,
    task: 'die Stadtentwicklung und Flächenplanung',
    titles: [
      'Regionales Entwicklungskonzept {lead} und {partner}',
      'Innenstadtmanagement im {kreis}',
      'Flächennutzungsplanung {lead}/{partner}',
    ],
    keywords: ['Stadtentwicklung', 'Regionalplanung', 'Innenstadt', 'Flächennutzungsplan'],
    related: ['Wohnen', 'Gewerbeflächen'],
  },
  {
    name: 'Datenschutz und Informationssicherheit',
    description:
      'Gemeinsame Datenschutzbeauftragte und Informationssicherheitsbeauftragte. Kleine Kommunen erfüllen so die Anforderungen der DSGVO und des BSI-Grundschutzes.',
    focus: false,
    task: 'den Datenschutz und die Informationssicherheit',
    titles: [
      'Gemeinsamer Datenschutzbeauftragter {lead} und {partner}',
      'Informationssicherheit im {kreis}',
      'ISMS-Kooperation von {count} Kommunen',
    ],
    keywords: ['Datenschutz', 'Informationssicherheit', 'DSGVO', 'IT-Grundschutz'],
    related: ['IT und Rechenzentrum', 'Digitalisierung der Kommunalverwaltung'],
  },
  {
    name: 'Personalgewinnung und Ausbildung',
    description:
      'Gemeinsame Ausbildungsverbünde, Arbeitgebermarken und Stellenportale. Kommunen werben gemeinsam um Nachwuchs und Fachkräfte.',
    focus: false,
    task: 'die Ausbildung und Personalgewinnung',
    titles: [
      'Ausbildungsverbund {lead} und {partner}',
      'Arbeitgebermarke Verwaltung im {kreis}',
      'Gemeinsames Stellenportal {lead}',
    ],
    keywords: ['Ausbildung', 'Fachkräfte', 'Arbeitgebermarke', 'Personalgewinnung'],
    related: ['Personalabrechnung', 'Shared Service Center'],
  },
  {
    name: 'Veterinärwesen und Lebensmittelüberwachung',
    description:
      'Zusammenarbeit bei Tierseuchenbekämpfung und Lebensmittelkontrollen. Spezialwissen steht im Ernstfall schnell zur Verfügung.',
    focus: false,
    task: 'die Lebensmittelüberwachung und Tierseuchenvorsorge',
    titles: [
      'Veterinärkooperation {lead} und {partner}',
      'Lebensmittelüberwachung im {kreis}',
      'Tierseuchenvorsorge {lead}',
    ],
    keywords: ['Veterinäramt', 'Lebensmittelkontrolle', 'Tierseuchen', 'Verbraucherschutz'],
    related: ['Katastrophenschutz'],
  },
  {
    name: 'Ländliche Entwicklung',
    description:
      'LEADER-Regionen, Dorfentwicklung und Nahversorgung. Gemeinden im ländlichen Raum stärken gemeinsam ihre Ortskerne.',
    focus: false,
    task: 'die Dorfentwicklung und Nahversorgung',
    titles: ['LEADER-Region {lead} und {partner}', 'Dorfentwicklung im {kreis}', 'Nahversorgungskonzept {lead}'],
    keywords: ['LEADER', 'Dorfentwicklung', 'Nahversorgung', 'ländlicher Raum'],
    related: ['Mobilität und ÖPNV', 'Breitbandausbau'],
  },
];
