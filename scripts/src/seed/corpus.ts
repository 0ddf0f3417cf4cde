/**
 * German text building blocks of the demo content, written for this project. Placeholders:
 * {lead} lead municipality, {partner} a partner, {count} number of participants, {task} the topic's task,
 * {topic} a topic name, {year} a year, {kreis} a Kreis name ("im {kreis}" becomes the right preposition),
 * {leadOrg}/{partnerOrg} the body's name with its kind ("Stadt Detmold", "Kreis Lippe").
 */
export { TOPICS, type TopicSeed } from './corpus-topics.ts';

export const PROJECT_TEXTS = {
  summary: [
    '{lead} und {partner} organisieren {task} gemeinsam. Die Kooperation bündelt Personal und Know-how und macht die Leistungen für die Bürgerinnen und Bürger verlässlicher.',
    '{Count} Kommunen haben sich zusammengeschlossen, um {task} wirtschaftlicher zu erledigen. Eine öffentlich-rechtliche Grundlage regelt Aufgaben, Kosten und Vertretung.',
    'Unter Federführung von {lead} übernehmen die beteiligten Kommunen {task} künftig gemeinsam. Das Projekt zeigt, wie auch kleine Verwaltungen von geteilten Strukturen profitieren.',
    'Statt {task} jeweils allein zu stemmen, setzen {lead} und ihre Partner auf eine gemeinsame Lösung. Erste Erfahrungen sind ermutigend und stehen anderen Kommunen zur Verfügung.',
  ],
  occasion: [
    'Altersbedingte Abgänge und unbesetzte Stellen machten es {lead} und {partner} zunehmend schwer, {task} in gewohnter Qualität sicherzustellen. Eine gemeinsame Bestandsaufnahme zeigte, dass beide Verwaltungen vor denselben Fragen standen.',
    'Steigende Anforderungen und knappe Haushalte führten in {lead} zu der Frage, ob {task} allein noch wirtschaftlich zu leisten ist. Im Austausch mit den Nachbarkommunen entstand die Idee einer dauerhaften Zusammenarbeit.',
    'Die Bürgermeisterinnen und Bürgermeister der {count} beteiligten Kommunen vereinbarten bei einem Regionaltreffen, Aufgaben mit ähnlichem Zuschnitt gemeinsam anzugehen. {task} wurde als erstes Handlungsfeld ausgewählt, weil dort der Nutzen besonders deutlich ist.',
    'Eine Organisationsuntersuchung empfahl {lead}, für {task} einen Partner zu suchen. {partner} stand vor ähnlichen Herausforderungen und signalisierte früh Interesse.',
  ],
  goal: [
    'Ziel ist es, {task} dauerhaft, rechtssicher und mit gegenseitiger Vertretung zu gewährleisten. Die beteiligten Kommunen wollen ihre Kosten um mindestens zehn Prozent senken, ohne Standards abzubauen.',
    'Die Kooperation soll Fachwissen bündeln, Ausfallzeiten überbrücken und Investitionen gemeinsam tragen. Für die Bürgerinnen und Bürger sollen Wege kürzer und Bearbeitungszeiten verlässlicher werden.',
    'Die Partner wollen eine Struktur schaffen, der sich weitere Kommunen anschließen können. Einheitliche Prozesse und gemeinsame Software bilden dafür die Grundlage.',
    'Angestrebt wird eine spürbare Entlastung der Beschäftigten und eine höhere Attraktivität als Arbeitgeber. Zugleich soll die Qualität von {task} messbar steigen.',
  ],
  implementation: [
    'Grundlage ist eine öffentlich-rechtliche Vereinbarung nach dem Gesetz über kommunale Gemeinschaftsarbeit (GkG NRW). {lead} übernimmt die Aufgabe für die Partner, die Kosten werden nach Einwohnerzahl verteilt. Ein Lenkungskreis der Verwaltungsvorstände trifft sich zweimal im Jahr.',
    'Nach einer Machbarkeitsstudie haben die Räte aller beteiligten Kommunen gleichlautende Beschlüsse gefasst. Eine gemeinsame Projektgruppe hat Prozesse vereinheitlicht, Personal übergeleitet und die Software migriert.',
    'Die Umsetzung erfolgte in drei Stufen: Bestandsaufnahme, Pilotbetrieb mit zwei Kommunen und schrittweise Ausweitung. Die Beschäftigten wurden von Beginn an beteiligt; die Personalräte haben eine Dienstvereinbarung mitgestaltet.',
    'Die Partner haben einen Zweckverband gegründet, dem die Aufgabe vollständig übertragen wurde. Die Verbandsversammlung beschließt Wirtschaftsplan und Umlage; die Geschäftsführung liegt bei {lead}.',
  ],
  results: [
    'Nach dem ersten vollen Betriebsjahr sanken die Kosten je Fall um rund 18 Prozent. Vertretungsengpässe gibt es seitdem nicht mehr, und die Bearbeitungszeiten haben sich deutlich verkürzt.',
    'Die Kooperation läuft stabil; zwei weitere Kommunen haben Interesse an einem Beitritt angemeldet. Eine Evaluation bescheinigt eine höhere Zufriedenheit bei Beschäftigten und Bürgerschaft.',
    'Durch den gemeinsamen Einkauf und die bessere Auslastung sparen die Partner jährlich eine sechsstellige Summe. Die Erfahrungen wurden in einem Leitfaden dokumentiert, den andere Kommunen nutzen können.',
    'Die gemeinsame Lösung hat sich auch in Krisenzeiten bewährt: Ausfälle konnten jederzeit aufgefangen werden. Die Partner empfehlen, frühzeitig die Personalvertretungen und die Kommunalaufsicht einzubinden.',
  ],
};

export type DocumentType =
  | 'öffentlich-rechtliche Vereinbarung'
  | 'Satzung'
  | 'Gesellschaftsvertrag'
  | 'Beschlussvorlage/Ratsbeschluss'
  | 'Gerichtsentscheidung'
  | 'Gesetz/Verordnung/Erlass'
  | 'Fachbeitrag'
  | 'Pressebericht'
  | 'Leitfaden'
  | 'Muster/Vorlage'
  | 'Checkliste'
  | 'Tagungsunterlage'
  | 'Förderinformation'
  | 'Sonstiges';

export interface DocumentTemplate {
  type: DocumentType;
  weight: number;
  titles: string[];
  publishers: string[];
  summaries: string[];
}

const MHKBD = 'Ministerium für Heimat, Kommunales, Bau und Digitalisierung des Landes Nordrhein-Westfalen';

export const DOCUMENT_TEMPLATES: DocumentTemplate[] = [
  {
    type: 'öffentlich-rechtliche Vereinbarung',
    weight: 20,
    titles: [
      'Öffentlich-rechtliche Vereinbarung zwischen {lead} und {partner} über das Handlungsfeld {topic}',
      'Vereinbarung über die gemeinsame Wahrnehmung von Aufgaben im Bereich {topic} ({lead}, {partner})',
      'Öffentlich-rechtliche Vereinbarung {topic} – {lead} und {partner}, Fassung {year}',
    ],
    publishers: ['{leadOrg}', '{partnerOrg}'],
    summaries: [
      'Die Vereinbarung regelt Aufgabenübertragung, Kostenverteilung, Haftung und Kündigung. Sie wurde von den Räten beider Kommunen beschlossen und im Amtsblatt bekannt gemacht.',
      'Mandatierende Vereinbarung nach § 23 GkG NRW: {lead} erledigt die Aufgabe im Namen und Auftrag der Partnerkommune. Anlage: Kostenschlüssel.',
      'Delegierende Vereinbarung mit Regelungen zu Personalgestellung, Datenverarbeitung und Evaluation nach drei Jahren.',
    ],
  },
  {
    type: 'Satzung',
    weight: 7,
    titles: [
      'Verbandssatzung des Zweckverbands {topic} {lead}',
      'Satzung über die gemeinsame Einrichtung {topic} ({year})',
      'Änderungssatzung zur Verbandssatzung {topic}, {year}',
    ],
    publishers: ['Zweckverband {topic}', '{leadOrg}'],
    summaries: [
      'Die Satzung bestimmt Aufgaben, Organe, Stimmenverteilung und Umlage des Verbands. Sie wurde von der Bezirksregierung genehmigt.',
      'Neufassung mit angepasstem Umlageschlüssel und Regelungen zum Beitritt weiterer Kommunen.',
    ],
  },
  {
    type: 'Gesellschaftsvertrag',
    weight: 3,
    titles: [
      'Gesellschaftsvertrag der {topic} GmbH ({lead}, {partner})',
      'Gesellschaftsvertrag der gemeinsamen Anstalt für {topic}',
    ],
    publishers: ['{leadOrg}'],
    summaries: [
      'Gesellschaftsvertrag mit Regelungen zu Stammkapital, Gesellschafterversammlung, Aufsichtsrat und Wirtschaftsplan nach den Vorgaben der Gemeindeordnung.',
      'Vertrag zur Errichtung eines gemeinsamen Kommunalunternehmens; enthält Bestimmungen zu Verwaltungsrat, Vorstand und Gewährträgerhaftung.',
    ],
  },
  {
    type: 'Beschlussvorlage/Ratsbeschluss',
    weight: 22,
    titles: [
      'Ratsbeschluss {lead}: Interkommunale Zusammenarbeit im Bereich {topic}',
      'Beschlussvorlage {lead} zur Kooperation mit {partner} ({topic})',
      'Ratsbeschluss {partner}: Beitritt zur Kooperation {topic} ({year})',
      'Vorlage für den Haupt- und Finanzausschuss {lead}: {topic}',
    ],
    publishers: ['{leadOrg}', '{partnerOrg}'],
    summaries: [
      'Der Rat beauftragt die Verwaltung, eine öffentlich-rechtliche Vereinbarung mit {partner} abzuschließen. Die Vorlage enthält eine Wirtschaftlichkeitsbetrachtung.',
      'Die Beschlussvorlage erläutert Ausgangslage, Alternativen und finanzielle Auswirkungen der geplanten Kooperation.',
      'Einstimmiger Beschluss mit dem Auftrag, nach zwei Jahren über die Erfahrungen zu berichten.',
    ],
  },
  {
    type: 'Gerichtsentscheidung',
    weight: 5,
    titles: ['Entscheidung zur interkommunalen Zusammenarbeit im Bereich {topic}'],
    publishers: ['Rechtsprechungsdatenbank NRW'],
    summaries: [
      'Entscheidung mit Bedeutung für die kommunale Gemeinschaftsarbeit; Leitsatz und Fundstelle siehe unten.',
    ],
  },
  {
    type: 'Gesetz/Verordnung/Erlass',
    weight: 4,
    titles: [
      'Gesetz über kommunale Gemeinschaftsarbeit (GkG NRW), Stand {year}',
      'Runderlass zur Förderung interkommunaler Zusammenarbeit ({year})',
      'Verordnung zu {topic}, Fassung {year}',
    ],
    publishers: [MHKBD, 'Landtag Nordrhein-Westfalen'],
    summaries: [
      'Konsolidierte Fassung mit den für die interkommunale Zusammenarbeit maßgeblichen Vorschriften.',
      'Der Erlass erläutert Zuständigkeiten, Anzeigepflichten und Genehmigungsvorbehalte der Kommunalaufsicht.',
    ],
  },
  {
    type: 'Fachbeitrag',
    weight: 9,
    titles: [
      'Interkommunale Zusammenarbeit im Bereich {topic}: Erfahrungen aus NRW',
      'Kooperation statt Konkurrenz – {topic} im Fokus',
      '{topic}: Rechtsformen im Vergleich',
    ],
    publishers: ['Kommunal Agentur NRW', 'Deutsches Institut für Urbanistik', 'Städte- und Gemeindebund NRW'],
    summaries: [
      'Der Beitrag wertet Kooperationsprojekte aus und benennt Erfolgsfaktoren: klare Ziele, verlässliche Kostenregeln und frühe Beteiligung der Beschäftigten.',
      'Überblick über geeignete Rechtsformen mit Vor- und Nachteilen für kleinere Kommunen.',
      'Praxisnaher Aufsatz mit Beispielen aus {lead} und weiteren Kommunen.',
    ],
  },
  {
    type: 'Pressebericht',
    weight: 8,
    titles: [
      '{lead} und {partner} starten Kooperation im Bereich {topic}',
      'Gemeinsam stärker: {topic} in {lead}',
      'Ein Jahr Kooperation {topic} – Bilanz in {lead}',
    ],
    publishers: ['Pressestelle {leadOrg}', 'Lokalzeitung (Pressespiegel)'],
    summaries: [
      'Pressemitteilung zum Start der Zusammenarbeit mit Zitaten der Bürgermeisterinnen und Bürgermeister.',
      'Bericht über die ersten Erfahrungen und die Reaktionen aus Politik und Verwaltung.',
    ],
  },
  {
    type: 'Leitfaden',
    weight: 5,
    titles: [
      'Leitfaden interkommunale Zusammenarbeit: {topic}',
      'Schritt für Schritt zur Kooperation – Leitfaden {year}',
      'Handreichung {topic} für Verwaltungsvorstände',
    ],
    publishers: ['Kommunal Agentur NRW', MHKBD],
    summaries: [
      'Der Leitfaden führt von der Idee über die Wirtschaftlichkeitsbetrachtung bis zur Vereinbarung und enthält Musterformulierungen.',
      'Kompakte Handreichung mit Checklisten, Zeitplan und Hinweisen zu Vergabe- und Steuerrecht.',
    ],
  },
  {
    type: 'Muster/Vorlage',
    weight: 5,
    titles: [
      'Muster einer öffentlich-rechtlichen Vereinbarung: {topic}',
      'Mustersatzung Zweckverband {topic}',
      'Vorlage Kostenverteilungsschlüssel {topic}',
    ],
    publishers: ['Kommunal Agentur NRW', 'Städte- und Gemeindebund NRW'],
    summaries: [
      'Bearbeitbares Muster mit Erläuterungen zu jeder Klausel; an die eigenen Verhältnisse anzupassen.',
      'Vorlage mit Berechnungsbeispiel für die Verteilung von Personal- und Sachkosten.',
    ],
  },
  {
    type: 'Checkliste',
    weight: 3,
    titles: [
      'Checkliste Kooperationsprüfung {topic}',
      'Checkliste Umsatzsteuer bei interkommunaler Zusammenarbeit',
      'Checkliste Personalüberleitung ({year})',
    ],
    publishers: ['Kommunal Agentur NRW'],
    summaries: [
      'Prüfliste mit den wichtigsten Fragen vor einer Ratsentscheidung.',
      'Kurze Liste für die Projektleitung: Zuständigkeiten, Fristen, Beteiligte.',
    ],
  },
  {
    type: 'Tagungsunterlage',
    weight: 5,
    titles: [
      'Präsentation: {topic} in der Praxis (Jahrestagung {year})',
      'Tagungsdokumentation Interkommunale Zusammenarbeit {year}',
      'Vortragsfolien {lead}: Kooperation {topic}',
    ],
    publishers: ['Kommunal Agentur NRW', '{leadOrg}'],
    summaries: [
      'Folien des Vortrags mit Zahlen, Zeitplan und Lessons Learned.',
      'Dokumentation der Vorträge und Workshop-Ergebnisse.',
    ],
  },
  {
    type: 'Förderinformation',
    weight: 3,
    titles: [
      'Förderrichtlinie IKZ NRW – Merkblatt {year}',
      'Förderaufruf interkommunale Zusammenarbeit {year}',
      'Antragshinweise Förderrichtlinie IKZ NRW',
    ],
    publishers: [MHKBD, 'Bezirksregierung Düsseldorf'],
    summaries: [
      'Das Merkblatt erklärt Fördergegenstand, Zuwendungsempfänger, Förderquote und Antragsverfahren.',
      'Hinweise zu Fristen, einzureichenden Unterlagen und typischen Fehlern im Antrag.',
    ],
  },
  {
    type: 'Sonstiges',
    weight: 1,
    titles: ['Protokoll des Lenkungskreises {topic} ({year})', 'Übersicht Kooperationspartner {topic} im {kreis}'],
    publishers: ['{leadOrg}', 'Kommunal Agentur NRW'],
    summaries: [
      'Ergebnisprotokoll mit Beschlüssen und nächsten Schritten.',
      'Tabellarische Übersicht der beteiligten Kommunen und Ansprechstellen.',
    ],
  },
];

export interface CourtSeed {
  court: string;
  docketPrefix: string[];
}

export const COURTS: CourtSeed[] = [
  { court: 'Oberverwaltungsgericht für das Land Nordrhein-Westfalen', docketPrefix: ['15 A', '15 B', '14 A', '9 A'] },
  { court: 'Verwaltungsgericht Düsseldorf', docketPrefix: ['1 K', '5 K', '20 L'] },
  { court: 'Verwaltungsgericht Köln', docketPrefix: ['4 K', '14 K', '6 L'] },
  { court: 'Verwaltungsgericht Münster', docketPrefix: ['1 K', '9 K'] },
  { court: 'Verwaltungsgericht Gelsenkirchen', docketPrefix: ['15 K', '13 L'] },
  { court: 'Verwaltungsgericht Arnsberg', docketPrefix: ['12 K', '5 K'] },
  { court: 'Verwaltungsgericht Minden', docketPrefix: ['2 K', '3 K'] },
  { court: 'Verwaltungsgericht Aachen', docketPrefix: ['6 K', '7 K'] },
  { court: 'Verfassungsgerichtshof für das Land Nordrhein-Westfalen', docketPrefix: ['VerfGH'] },
  { court: 'Bundesverwaltungsgericht', docketPrefix: ['BVerwG 9 C', 'BVerwG 8 C', 'BVerwG 10 C'] },
  { court: 'Bundesfinanzhof', docketPrefix: ['V R', 'XI R'] },
  { court: 'Gerichtshof der Europäischen Union', docketPrefix: ['C-'] },
];

export const COURT_CASES: { subject: string; holding: string }[] = [
  {
    subject: 'Zulässigkeit einer öffentlich-rechtlichen Vereinbarung über die Abwasserbeseitigung',
    holding:
      'Eine Gemeinde darf die Abwasserbeseitigungspflicht durch delegierende Vereinbarung auf eine Nachbargemeinde übertragen. Die Übertragung bedarf der Genehmigung der Aufsichtsbehörde und der öffentlichen Bekanntmachung.',
  },
  {
    subject: 'Vergaberechtsfreiheit einer horizontalen Zusammenarbeit',
    holding:
      'Eine Zusammenarbeit zwischen öffentlichen Auftraggebern unterliegt nicht dem Vergaberecht, wenn sie ausschließlich im öffentlichen Interesse liegende Ziele verfolgt und weniger als 20 Prozent der Tätigkeiten auf dem Markt erbracht werden.',
  },
  {
    subject: 'Umsatzsteuerpflicht von Leistungen zwischen Kommunen',
    holding:
      'Leistungen einer Gemeinde an eine andere Gemeinde auf öffentlich-rechtlicher Grundlage sind nicht steuerbar, soweit keine größeren Wettbewerbsverzerrungen zu befürchten sind. Maßgeblich ist eine Gesamtbetrachtung des Marktes.',
  },
  {
    subject: 'Umlageschlüssel eines Zweckverbands',
    holding:
      'Die Verbandsversammlung hat bei der Festlegung des Umlageschlüssels einen weiten Gestaltungsspielraum. Er muss sich jedoch an sachlichen Kriterien wie Einwohnerzahl oder Inanspruchnahme orientieren.',
  },
  {
    subject: 'Austritt aus einem Zweckverband',
    holding:
      'Ein Verbandsmitglied kann nur nach Maßgabe der Satzung austreten. Fehlt eine Regelung, ist eine Kündigung aus wichtigem Grund möglich, wenn das Festhalten an der Mitgliedschaft unzumutbar ist.',
  },
  {
    subject: 'Zuständigkeit eines gemeinsamen Standesamts',
    holding:
      'Nach Bildung eines gemeinsamen Standesamtsbezirks ist das Standesamt der beauftragten Gemeinde für alle Beurkundungen im gesamten Bezirk zuständig. Frühere Zuständigkeiten erlöschen mit dem Inkrafttreten der Vereinbarung.',
  },
  {
    subject: 'Kommunalaufsichtliche Genehmigung einer Aufgabenübertragung',
    holding:
      'Die Aufsichtsbehörde prüft bei der Genehmigung nur die Rechtmäßigkeit, nicht die Zweckmäßigkeit der Vereinbarung. Eine Versagung aus Gründen der Zweckmäßigkeit ist rechtswidrig.',
  },
  {
    subject: 'Gebührenkalkulation bei gemeinsamer Einrichtung',
    holding:
      'Betreiben mehrere Gemeinden eine Einrichtung gemeinsam, dürfen die Kosten nur insoweit in die Gebühren einfließen, als sie auf das jeweilige Gemeindegebiet entfallen. Der Verteilungsschlüssel muss nachvollziehbar dokumentiert sein.',
  },
  {
    subject: 'Kommunale Selbstverwaltung und Pflichtkooperation',
    holding:
      'Das Land darf Gemeinden nur auf gesetzlicher Grundlage zur Zusammenarbeit verpflichten. Der Eingriff in die Selbstverwaltungsgarantie muss durch Gründe des Gemeinwohls gerechtfertigt und verhältnismäßig sein.',
  },
  {
    subject: 'Personalgestellung im Rahmen einer Kooperation',
    holding:
      'Die Gestellung von Beschäftigten an eine andere Kommune erfordert die Beteiligung des Personalrats. Arbeitsvertragliche Ansprüche bleiben gegenüber dem bisherigen Arbeitgeber bestehen.',
  },
  {
    subject: 'Datenverarbeitung durch eine beauftragte Kommune',
    holding:
      'Verarbeitet eine Kommune personenbezogene Daten im Auftrag einer anderen, ist ein Vertrag zur Auftragsverarbeitung erforderlich, sofern keine gesetzliche Aufgabenübertragung vorliegt. Verantwortlich bleibt die auftraggebende Kommune.',
  },
  {
    subject: 'Gewerbesteueraufteilung im interkommunalen Gewerbegebiet',
    holding:
      'Die vertragliche Aufteilung des Gewerbesteueraufkommens zwischen beteiligten Gemeinden ist zulässig. Sie lässt die Steuerhoheit der Belegenheitsgemeinde unberührt.',
  },
  {
    subject: 'Klagebefugnis einer Nachbargemeinde gegen einen Bebauungsplan',
    holding:
      'Eine Nachbargemeinde kann einen Bebauungsplan angreifen, wenn unmittelbare Auswirkungen gewichtiger Art auf ihre städtebauliche Ordnung drohen. Das interkommunale Abstimmungsgebot ist dann verletzt.',
  },
  {
    subject: 'Rechtsnatur eines Kooperationsvertrags über den Winterdienst',
    holding:
      'Ein Vertrag, mit dem Gemeinden die Räum- und Streupflicht gegenseitig übernehmen, ist ein öffentlich-rechtlicher Vertrag. Streitigkeiten daraus gehören vor die Verwaltungsgerichte.',
  },
  {
    subject: 'Beitritt zu einer Anstalt öffentlichen Rechts',
    holding:
      'Der Beitritt einer weiteren Kommune zu einer gemeinsamen Anstalt bedarf einer Änderung der Satzung durch alle Träger. Ein Mehrheitsbeschluss genügt nicht, wenn die Satzung Einstimmigkeit vorsieht.',
  },
  {
    subject: 'Haftung bei Fehlern eines gemeinsamen Ordnungsdienstes',
    holding:
      'Für Amtspflichtverletzungen der Beschäftigten eines gemeinsamen Ordnungsdienstes haftet die Körperschaft, deren Aufgabe wahrgenommen wurde. Regressansprüche richten sich nach der Vereinbarung.',
  },
  {
    subject: 'Zulässigkeit einer gemeinsamen Vergabestelle',
    holding:
      'Eine Kommune kann eine andere mit der Durchführung von Vergabeverfahren beauftragen. Die Zuschlagsentscheidung bleibt beim öffentlichen Auftraggeber, der die Leistung benötigt.',
  },
  {
    subject: 'Stimmrecht in der Verbandsversammlung',
    holding:
      'Die Satzung darf die Stimmen in der Verbandsversammlung nach der Einwohnerzahl gewichten. Eine Regelung, die einem Mitglied allein die Mehrheit verschafft, bedarf besonderer Rechtfertigung.',
  },
  {
    subject: 'Auflösung einer Arbeitsgemeinschaft',
    holding:
      'Eine kommunale Arbeitsgemeinschaft begründet keine eigenen Rechte und Pflichten gegenüber Dritten. Ihre Auflösung bedarf keiner Genehmigung der Aufsichtsbehörde.',
  },
  {
    subject: 'Anforderungen an die Bekanntmachung einer Vereinbarung',
    holding:
      'Eine öffentlich-rechtliche Vereinbarung wird erst mit der Bekanntmachung in den Amtsblättern aller Beteiligten wirksam. Fehlt eine Bekanntmachung, bleibt die bisherige Zuständigkeit bestehen.',
  },
];

export const NEWSLETTER_SECTIONS: { heading: string; texts: string[] }[] = [
  {
    heading: 'Aus den Projekten',
    texts: [
      'Neue Kooperationen aus allen Regierungsbezirken: Wir stellen Projekte vor, die zeigen, wie Kommunen Aufgaben gemeinsam erledigen.',
      'Drei Projekte berichten, was nach dem ersten Jahr der Zusammenarbeit gut läuft und wo nachgesteuert wurde.',
    ],
  },
  {
    heading: 'Förderrichtlinie IKZ NRW',
    texts: [
      'Das Land fördert auch {year} Machbarkeitsstudien und die Umsetzung interkommunaler Vorhaben. Wir fassen zusammen, was bei Anträgen zu beachten ist.',
      'Die Antragsfrist rückt näher: Nutzen Sie unsere Online-Sprechstunde, um Ihr Vorhaben vorab zu besprechen.',
    ],
  },
  {
    heading: 'Termine',
    texts: [
      'Merken Sie sich die nächsten Veranstaltungen vor – von der Online-Sprechstunde bis zur Jahrestagung.',
      'Unsere Veranstaltungen im kommenden Quartal richten sich an Verwaltungsvorstände und Projektverantwortliche.',
    ],
  },
  {
    heading: 'Aus der Rechtsprechung',
    texts: [
      'Eine aktuelle Entscheidung klärt Fragen zur Aufgabenübertragung. Wir erläutern, was das für laufende Kooperationen bedeutet.',
      'Gerichte haben sich erneut mit der Umsatzsteuer bei kommunaler Zusammenarbeit befasst. Die wichtigsten Aussagen im Überblick.',
    ],
  },
  {
    heading: 'Neu in der Bibliothek',
    texts: [
      'Neue Vereinbarungen, Satzungen und Ratsbeschlüsse stehen zum Herunterladen bereit.',
      'Muster und Checklisten erleichtern den Einstieg in eine neue Kooperation.',
    ],
  },
  {
    heading: 'Schwerpunkt Digitalisierung',
    texts: [
      'Digitale Verwaltungsleistungen lassen sich gemeinsam schneller umsetzen. Kommunen berichten von ihren Erfahrungen mit geteilten Fachverfahren.',
      'Wie kleine Kommunen gemeinsam ihre Online-Dienste ausbauen: Beispiele aus dem Münsterland und dem Sauerland.',
    ],
  },
  {
    heading: 'Schwerpunkt Shared Service Center',
    texts: [
      'Personalabrechnung, Kasse, Beschaffung: Shared Service Center übernehmen Querschnittsaufgaben für mehrere Kommunen.',
      'Was bei der Gründung eines Shared Service Centers zählt – Eindrücke aus einem Praxisworkshop.',
    ],
  },
  {
    heading: 'Beratung',
    texts: [
      'Unser Beratungsteam begleitet Kommunen von der ersten Idee bis zur Vereinbarung – kostenfrei und vertraulich.',
      'Sie planen eine Kooperation? Vereinbaren Sie ein Erstgespräch mit unserem Beratungsteam.',
    ],
  },
  {
    heading: 'Aus dem Land',
    texts: [
      'Das Ministerium hat neue Hinweise zur kommunalen Gemeinschaftsarbeit veröffentlicht.',
      'Der Landtag hat Änderungen am Gesetz über kommunale Gemeinschaftsarbeit beraten.',
    ],
  },
  {
    heading: 'Gute Beispiele',
    texts: [
      'Ausgezeichnete Kooperationen zeigen, wie Zusammenarbeit gelingt – zur Nachahmung empfohlen.',
      'Zwei Best-Practice-Projekte im Porträt: Was andere Kommunen davon lernen können.',
    ],
  },
];

export const NEWSLETTER_EDITORIALS: string[] = [
  'Liebe Leserinnen und Leser, interkommunale Zusammenarbeit ist kein Selbstzweck. Sie hilft, Leistungen für die Bürgerinnen und Bürger auch dann zu sichern, wenn Personal knapp wird. In dieser Ausgabe zeigen wir, wie Kommunen {year} neue Wege gegangen sind.',
  'Liebe Leserinnen und Leser, die Nachfrage nach Beratung ist {year} weiter gestiegen. Das freut uns, denn jede neue Kooperation macht anderen Mut. Lesen Sie, welche Projekte gestartet sind und welche Fördermöglichkeiten bestehen.',
  'Liebe Leserinnen und Leser, Digitalisierung und Shared Service Center bleiben unsere Schwerpunkte. Viele Kommunen haben erkannt, dass sie diese Aufgaben gemeinsam besser bewältigen. Wir stellen Beispiele vor und laden Sie zu unseren Veranstaltungen ein.',
  'Liebe Leserinnen und Leser, hinter jeder erfolgreichen Kooperation stehen Menschen, die über Gemeindegrenzen hinweg denken. Ihnen widmen wir diese Ausgabe – mit Berichten aus der Praxis und Hinweisen aus der Rechtsprechung.',
];

export type EventFormat =
  'Jahrestagung' | 'Online-Veranstaltung' | 'Spotlight' | 'Sprechstunde' | 'Seminar' | 'externe Veranstaltung';

export interface EventTemplate {
  format: EventFormat;
  weight: number;
  titles: string[];
  summaries: string[];
  descriptions: string[];
  agenda: string[][];
}

export const EVENT_TEMPLATES: EventTemplate[] = [
  {
    format: 'Jahrestagung',
    weight: 0,
    titles: ['Jahrestagung Interkommunale Zusammenarbeit {year}'],
    summaries: [
      'Die Jahrestagung bringt Verwaltungsvorstände, Projektverantwortliche und Fachleute aus ganz NRW zusammen: Vorträge, Praxisforen und Austausch.',
    ],
    descriptions: [
      'Im Mittelpunkt der Jahrestagung {year} stehen die Schwerpunkte Digitalisierung der Kommunalverwaltung und Shared Service Center. Kommunen stellen ihre Kooperationen vor, in Praxisforen diskutieren Sie Rechtsfragen, Förderung und Organisation.',
    ],
    agenda: [
      [
        '09:30 Uhr – Ankommen und Kaffee',
        '10:00 Uhr – Begrüßung',
        '10:20 Uhr – Keynote: Kooperation als Zukunftsaufgabe',
        '11:15 Uhr – Praxisforen I',
        '12:30 Uhr – Mittagspause',
        '13:30 Uhr – Praxisforen II',
        '15:00 Uhr – Podium und Ausblick',
        '16:30 Uhr – Ende der Veranstaltung',
      ],
      [
        '09:30 Uhr – Registrierung',
        '10:00 Uhr – Eröffnung durch das Ministerium',
        '10:30 Uhr – Gute Beispiele aus den Regionen',
        '12:00 Uhr – Mittagspause mit Projektmarkt',
        '13:15 Uhr – Workshops',
        '15:30 Uhr – Zusammenfassung',
        '16:30 Uhr – Ende',
      ],
    ],
  },
  {
    format: 'Online-Veranstaltung',
    weight: 8,
    titles: [
      'Förderrichtlinie IKZ NRW: So gelingt der Antrag',
      'Online-Info: Förderrichtlinie IKZ NRW {year}',
      'Online-Seminar: Kooperation im Bereich {topic}',
      'Digital kompakt: {topic} gemeinsam organisieren',
    ],
    summaries: [
      'In 90 Minuten erfahren Sie, was gefördert wird, wer antragsberechtigt ist und wie das Verfahren abläuft. Fragen sind ausdrücklich erwünscht.',
      'Kurzvorträge aus der Praxis und offene Diskussion – bequem am Arbeitsplatz.',
    ],
    descriptions: [
      'Die Veranstaltung richtet sich an Kommunen, die eine Kooperation planen oder bereits zusammenarbeiten. Nach einem Impuls berichten Praktikerinnen und Praktiker, anschließend ist Zeit für Ihre Fragen.',
    ],
    agenda: [
      [
        '14:00 Uhr – Begrüßung und technische Hinweise',
        '14:10 Uhr – Impulsvortrag',
        '14:40 Uhr – Bericht aus der Praxis',
        '15:05 Uhr – Fragen und Antworten',
        '15:30 Uhr – Ende',
      ],
    ],
  },
  {
    format: 'Spotlight',
    weight: 4,
    titles: [
      'Spotlight: {topic}',
      'Spotlight Shared Service Center',
      'Spotlight Digitalisierung: Gemeinsame Fachverfahren',
    ],
    summaries: [
      'Ein Projekt, eine Stunde: Wir beleuchten eine Kooperation im Detail und sprechen mit den Verantwortlichen.',
    ],
    descriptions: [
      'Das Spotlight stellt eine Kooperation vor, die andere Kommunen inspirieren kann. Die Verantwortlichen berichten offen über Hürden und Lösungen.',
    ],
    agenda: [
      [
        '10:00 Uhr – Begrüßung',
        '10:05 Uhr – Projektvorstellung',
        '10:35 Uhr – Gespräch',
        '10:50 Uhr – Fragen',
        '11:00 Uhr – Ende',
      ],
    ],
  },
  {
    format: 'Sprechstunde',
    weight: 5,
    titles: [
      'Offene Sprechstunde Interkommunale Zusammenarbeit',
      'Sprechstunde Förderrichtlinie IKZ NRW',
      'Sprechstunde Rechtsformen der Zusammenarbeit',
    ],
    summaries: ['Bringen Sie Ihre Fragen mit: Unser Beratungsteam steht eine Stunde lang für Gespräche zur Verfügung.'],
    descriptions: [
      'Die Sprechstunde ist offen für alle Kommunen in Nordrhein-Westfalen. Eine Anmeldung hilft uns bei der Planung; Fragen können Sie vorab per E-Mail senden.',
    ],
    agenda: [['15:00 Uhr – Offene Fragerunde', '16:00 Uhr – Ende']],
  },
  {
    format: 'Seminar',
    weight: 4,
    titles: [
      'Seminar: Öffentlich-rechtliche Vereinbarungen gestalten',
      'Seminar: Kostenverteilung in Kooperationen',
      'Praxisseminar {topic}',
    ],
    summaries: ['Ein Präsenzseminar mit Übungen an Praxisfällen. Die Teilnehmendenzahl ist begrenzt.'],
    descriptions: [
      'Sie lernen die rechtlichen Grundlagen kennen und arbeiten an Beispielen aus der kommunalen Praxis. Unterlagen und Muster erhalten Sie im Anschluss.',
    ],
    agenda: [
      [
        '09:30 Uhr – Einführung',
        '10:30 Uhr – Rechtliche Grundlagen',
        '12:00 Uhr – Mittagspause',
        '13:00 Uhr – Übungen an Praxisfällen',
        '15:00 Uhr – Abschlussrunde',
        '15:30 Uhr – Ende',
      ],
    ],
  },
  {
    format: 'externe Veranstaltung',
    weight: 2,
    titles: ['Kommunalkongress NRW {year}', 'Fachtagung Verwaltungsmodernisierung {year}', 'Regionalforum {topic}'],
    summaries: [
      'Eine Veranstaltung unserer Partner, auf der die Kommunal Agentur NRW mit einem Beitrag vertreten ist.',
    ],
    descriptions: [
      'Die Veranstaltung wird von einem Partner ausgerichtet. Informationen zur Teilnahme erhalten Sie beim Veranstalter.',
    ],
    agenda: [
      [
        '10:00 Uhr – Eröffnung',
        '11:00 Uhr – Fachforen',
        '13:00 Uhr – Mittagspause',
        '14:00 Uhr – Podiumsdiskussion',
        '16:00 Uhr – Ende',
      ],
    ],
  },
];

export const VENUES = [
  { venue: 'Haus der Kommunen', street: 'Kaiserswerther Straße 199', postalCode: '40474', city: 'Düsseldorf' },
  { venue: 'Stadthalle Hamm', street: 'Ostring 1', postalCode: '59065', city: 'Hamm' },
  { venue: 'Kongresszentrum Westfalenhallen', street: 'Rheinlanddamm 200', postalCode: '44139', city: 'Dortmund' },
  { venue: 'Rathaus Detmold, Ratssaal', street: 'Marktplatz 5', postalCode: '32756', city: 'Detmold' },
  { venue: 'Forum der Volkshochschule', street: 'Cäcilienstraße 29', postalCode: '50667', city: 'Köln' },
  { venue: 'Bürgerhaus Meschede', street: 'Franz-Stahlmecke-Platz 2', postalCode: '59872', city: 'Meschede' },
  { venue: 'Kreishaus Steinfurt', street: 'Tecklenburger Straße 10', postalCode: '48565', city: 'Steinfurt' },
  {
    venue: 'Wissenschaftspark Gelsenkirchen',
    street: 'Munscheidstraße 14',
    postalCode: '45886',
    city: 'Gelsenkirchen',
  },
  { venue: 'Stadthalle Paderborn', street: 'Kamp 1', postalCode: '33098', city: 'Paderborn' },
  { venue: 'Kulturzentrum Siegen', street: 'Kornmarkt 20', postalCode: '57072', city: 'Siegen' },
];

export const SPEAKERS = [
  { name: 'Dr. Katrin Albers', role: 'Leiterin Beratung', organisation: 'Kommunal Agentur NRW' },
  { name: 'Markus Brandt', role: 'Bürgermeister', organisation: 'Gemeinde Nümbrecht' },
  { name: 'Sabine Cremer', role: 'Kämmerin', organisation: 'Stadt Detmold' },
  {
    name: 'Prof. Dr. Jens Diekmann',
    role: 'Professor für Verwaltungsrecht',
    organisation: 'Hochschule für Polizei und öffentliche Verwaltung NRW',
  },
  { name: 'Ayşe Demir', role: 'Digitalisierungsbeauftragte', organisation: 'Kreis Unna' },
  {
    name: 'Thomas Engel',
    role: 'Referatsleiter Kommunales',
    organisation: 'Ministerium für Heimat, Kommunales, Bau und Digitalisierung NRW',
  },
  { name: 'Julia Fischer', role: 'Leiterin Shared Service Center', organisation: 'Stadt Lippstadt' },
  { name: 'Michael Grote', role: 'Dezernent', organisation: 'Bezirksregierung Münster' },
  { name: 'Nina Hoffmann', role: 'Projektleiterin', organisation: 'Stadt Bocholt' },
  { name: 'Stefan Jansen', role: 'Fachanwalt für Verwaltungsrecht', organisation: 'Kanzlei Jansen & Partner' },
  { name: 'Claudia Kaiser', role: 'Beigeordnete', organisation: 'Stadt Mönchengladbach' },
  { name: 'Peter Lange', role: 'Geschäftsführer', organisation: 'Zweckverband Kommunale IT' },
  { name: 'Dr. Miriam Novak', role: 'Referentin', organisation: 'Städte- und Gemeindebund NRW' },
  { name: 'Oliver Otten', role: 'Kreisdirektor', organisation: 'Kreis Höxter' },
  { name: 'Fatma Özdemir', role: 'Personalratsvorsitzende', organisation: 'Stadt Herne' },
  { name: 'Rainer Peters', role: 'Bürgermeister', organisation: 'Stadt Schmallenberg' },
  { name: 'Lena Richter', role: 'Beraterin', organisation: 'Kommunal Agentur NRW' },
  { name: 'Daniel Schulte', role: 'Leiter Organisation und IT', organisation: 'Gemeinde Wettringen' },
  { name: 'Birgit Thelen', role: 'Steuerberaterin', organisation: 'Kommunale Steuerberatung Rheinland' },
  { name: 'Jörg Weber', role: 'Dezernent', organisation: 'Bezirksregierung Arnsberg' },
];

export const PARTNERS: {
  name: string;
  role: 'Projektbegleitung' | 'IT-Dienstleister' | 'Beratung' | 'Land/Bezirksregierung' | 'Wissenschaft' | 'Sonstige';
}[] = [
  { name: 'Kommunal Agentur NRW', role: 'Projektbegleitung' },
  { name: 'Bezirksregierung Düsseldorf', role: 'Land/Bezirksregierung' },
  { name: 'Bezirksregierung Köln', role: 'Land/Bezirksregierung' },
  { name: 'Bezirksregierung Münster', role: 'Land/Bezirksregierung' },
  { name: 'Bezirksregierung Detmold', role: 'Land/Bezirksregierung' },
  { name: 'Bezirksregierung Arnsberg', role: 'Land/Bezirksregierung' },
  { name: 'Kommunales Rechenzentrum Westfalen', role: 'IT-Dienstleister' },
  { name: 'Kommunaler IT-Verbund Rheinland', role: 'IT-Dienstleister' },
  { name: 'Hochschule für Polizei und öffentliche Verwaltung NRW', role: 'Wissenschaft' },
  { name: 'Deutsches Institut für Urbanistik', role: 'Wissenschaft' },
  { name: 'Beratungsgesellschaft für Verwaltungsmodernisierung', role: 'Beratung' },
  { name: 'Kommunale Organisationsberatung Westfalen', role: 'Beratung' },
  { name: 'Städte- und Gemeindebund NRW', role: 'Sonstige' },
  { name: 'Landkreistag NRW', role: 'Sonstige' },
  { name: 'Verbraucherzentrale NRW', role: 'Sonstige' },
];

export const CONTACT_FIRST_NAMES = [
  'Anna',
  'Bernd',
  'Carla',
  'Dirk',
  'Elif',
  'Frank',
  'Gabriele',
  'Heike',
  'Ingo',
  'Jana',
  'Kai',
  'Laura',
  'Matthias',
  'Nadine',
  'Olaf',
  'Petra',
  'Ralf',
  'Sandra',
  'Tobias',
  'Ulrike',
  'Volker',
  'Wiebke',
  'Yusuf',
  'Zeynep',
  'Björn',
  'Jürgen',
  'Sören',
  'Käthe',
  'Mehmet',
  'Agnieszka',
];
export const CONTACT_LAST_NAMES = [
  'Schmidt',
  'Müller',
  'Schneider',
  'Fischer',
  'Weber',
  'Meyer',
  'Wagner',
  'Becker',
  'Schulz',
  'Hoffmann',
  'Koch',
  'Richter',
  'Klein',
  'Wolf',
  'Schröder',
  'Neumann',
  'Schwarz',
  'Zimmermann',
  'Braun',
  'Krüger',
  'Hofmann',
  'Hartmann',
  'Lange',
  'Schmitt',
  'Werner',
  'Krause',
  'Meier',
  'Lehmann',
  'Köhler',
  'Hüsken',
  'Brüggemann',
  'Tillmann',
  'Overbeck',
  'Kowalski',
  'Yılmaz',
  'Janßen',
  'Terhorst',
  'Große-Wilde',
  'Vogt',
  'Peters',
];
export const CONTACT_ROLES = [
  'Projektleitung',
  'Fachbereichsleitung Zentrale Dienste',
  'Amtsleitung',
  'Kämmerei',
  'Stabsstelle Digitalisierung',
  'Personalamt',
  'Bürgermeisterbüro',
  'Wirtschaftsförderung',
  'Kreisverwaltung, Kommunalaufsicht',
  'Organisationsentwicklung',
];

export const FUNDING_PROGRAMMES = [
  { programme: 'Förderrichtlinie IKZ NRW', authority: 'Bezirksregierung Düsseldorf' },
  { programme: 'Förderrichtlinie IKZ NRW', authority: 'Bezirksregierung Detmold' },
  { programme: 'Förderrichtlinie IKZ NRW', authority: 'Bezirksregierung Arnsberg' },
  { programme: 'LEADER (ELER)', authority: 'Bezirksregierung Münster' },
  {
    programme: 'Digitale Modellregionen NRW',
    authority: 'Ministerium für Heimat, Kommunales, Bau und Digitalisierung NRW',
  },
  { programme: 'Kommunalrichtlinie Klimaschutz', authority: 'Zukunft – Umwelt – Gesellschaft (ZUG) gGmbH' },
];
