/**
 * German labels, field help and list columns for the content manager. Applied at every start.
 * [label, description] per attribute; a key missing here fails a unit test.
 */
import { enumLegendDe } from './admin-enum-labels.ts';

const SUBSCRIBER = 'api::newsletter-subscriber.newsletter-subscriber';
const DISPATCH = 'api::newsletter-dispatch.newsletter-dispatch';
const DELIVERY = 'api::newsletter-delivery.newsletter-delivery';

export interface ModelLayout {
  mainField?: string;
  list?: string[];
  defaultSortBy?: string;
  defaultSortOrder?: 'ASC' | 'DESC';
  readOnly?: boolean;
  /** With readOnly: the fields editors may still change (e.g. a request's state). */
  editable?: string[];
  fields: Record<string, [label: string, description: string]>;
}

const common = {
  title: ['Titel', 'Aussagekräftiger Titel, wie er auf der Website erscheint.'],
  slug: [
    'URL-Kürzel',
    'Wird aus dem Titel erzeugt (ä→ae, ö→oe, ü→ue, ß→ss). Nach der Veröffentlichung nicht mehr ändern: Links in Ratsvorlagen verweisen darauf.',
  ],
} satisfies Record<string, [string, string]>;

export const CONTENT_TYPE_LAYOUTS: Record<string, ModelLayout> = {
  'api::project.project': {
    mainField: 'title',
    list: ['title', 'leadMunicipality', 'topics', 'projectStatus', 'cooperationForm', 'updatedAt'],
    defaultSortBy: 'updatedAt',
    defaultSortOrder: 'DESC',
    fields: {
      title: common.title,
      slug: common.slug,
      summary: [
        'Kurzbeschreibung',
        'Zwei bis vier Sätze: Wer arbeitet wie zusammen, und was bringt es? Erscheint in Listen und Suchergebnissen (20–800 Zeichen).',
      ],
      leadMunicipality: [
        'Federführende Kommune',
        'Pflicht für die Veröffentlichung. Die Kommune oder der Kreis, der das Projekt leitet.',
      ],
      municipalities: ['Beteiligte Kommunen', 'Alle weiteren beteiligten Städte, Gemeinden und Kreise aus NRW.'],
      partners: ['Weitere Partner', 'Beteiligte, die keine NRW-Kommune sind, mit ihrer Rolle.'],
      topics: ['Handlungsfelder', 'Pflicht für die Veröffentlichung: mindestens ein Handlungsfeld.'],
      keywords: ['Stichworte', 'Durch Kommas getrennt, z. B. „Bauhof, Winterdienst, Fuhrpark“. Verbessert die Suche.'],
      cooperationForm: ['Kooperationsform', 'Rechtliche Form der Zusammenarbeit.'],
      projectStatus: ['Projektstatus', 'Stand des Projekts: von der Idee bis „beendet“.'],
      startYear: ['Startjahr', 'Jahr, in dem die Zusammenarbeit begann oder beginnen soll.'],
      endYear: ['Endjahr', 'Nur bei beendeten oder befristeten Projekten; nicht vor dem Startjahr.'],
      occasion: ['Anlass', 'Warum haben die Kommunen die Zusammenarbeit begonnen?'],
      goal: ['Ziel', 'Was soll die Kooperation erreichen?'],
      implementation: ['Umsetzung', 'Wie wurde die Zusammenarbeit organisiert und umgesetzt?'],
      results: ['Ergebnisse', 'Was wurde erreicht? Zahlen, Erfahrungen, Empfehlungen.'],
      funding: ['Förderung', 'Förderprogramm (z. B. Förderrichtlinie IKZ NRW), Betrag und Bewilligungsbehörde.'],
      bestPractice: ['Gutes Beispiel (Best Practice)', 'Hebt das Projekt auf der Website als gutes Beispiel hervor.'],
      contacts: ['Ansprechpersonen', 'Werden nur veröffentlicht, wenn „Einwilligung“ gesetzt ist.'],
      documents: ['Zugehörige Dokumente', 'Vereinbarungen, Ratsbeschlüsse und weitere Dokumente aus der Bibliothek.'],
      image: ['Bild', 'Optional. Querformat, mindestens 1200 px breit, ohne eingebettete Texte.'],
      imageAlt: [
        'Alternativtext zum Bild',
        'Pflicht, wenn ein Bild gesetzt ist: beschreibt, was das Bild zeigt (für Screenreader).',
      ],
      reviewedAt: ['Stand', 'Datum, an dem die Angaben zuletzt geprüft wurden.'],
    },
  },
  'api::document.document': {
    mainField: 'title',
    list: ['title', 'type', 'date', 'publisher', 'updatedAt'],
    defaultSortBy: 'date',
    defaultSortOrder: 'DESC',
    fields: {
      title: common.title,
      slug: common.slug,
      type: [
        'Dokumenttyp',
        'Art des Dokuments. Für Gerichtsentscheidungen zusätzlich die Angaben zur Entscheidung ausfüllen.',
      ],
      date: ['Datum', 'Datum des Dokuments (Beschluss, Veröffentlichung, Entscheidung).'],
      publisher: ['Herausgeber/Quelle', 'Wer hat das Dokument erstellt oder veröffentlicht?'],
      summary: ['Zusammenfassung', 'Kurz und verständlich: worum geht es, für wen ist es nützlich?'],
      file: ['Datei', 'PDF oder anderes Dokument zum Herunterladen. Alternativ ein externer Link.'],
      externalUrl: [
        'Externer Link',
        'Adresse, unter der das Dokument abrufbar ist (https://…), falls keine Datei hochgeladen wird.',
      ],
      topics: ['Handlungsfelder', 'Themen, zu denen das Dokument gehört.'],
      municipalities: ['Kommunen', 'Kommunen, die das Dokument betrifft.'],
      projects: ['Zugehörige Projekte', 'Projekte, zu denen das Dokument gehört.'],
      keywords: ['Stichworte', 'Durch Kommas getrennt.'],
      courtDecision: [
        'Gerichtsentscheidung',
        'Gericht, Aktenzeichen, Art und Tenor – nur für den Typ „Gerichtsentscheidung“.',
      ],
    },
  },
  'api::newsletter.newsletter': {
    mainField: 'title',
    list: ['title', 'year', 'number', 'sentAt', 'updatedAt'],
    defaultSortBy: 'sentAt',
    defaultSortOrder: 'DESC',
    fields: {
      title: ['Titel', 'Z. B. „Newsletter I / 2020“.'],
      slug: common.slug,
      year: ['Jahrgang', 'Jahr der Ausgabe.'],
      number: ['Nummer im Jahrgang', '1 für die erste Ausgabe eines Jahres, 2 für die zweite usw.'],
      sentAt: ['Versanddatum', 'Tag, an dem die Ausgabe verschickt wurde.'],
      editorial: ['Editorial', 'Einleitender Text der Ausgabe.'],
      sections: [
        'Rubriken',
        'Abschnitte mit Überschrift, Text und Verweisen auf Projekte, Veranstaltungen und Dokumente.',
      ],
      pdf: ['PDF der Ausgabe', 'Optional: die verschickte Ausgabe als PDF.'],
    },
  },
  'api::newsletter-dispatch.newsletter-dispatch': {
    mainField: 'issueTitle',
    list: ['issueTitle', 'state', 'total', 'sent', 'failed', 'startedAt', 'finishedAt'],
    defaultSortBy: 'createdAt',
    defaultSortOrder: 'DESC',
    readOnly: true,
    fields: {
      issueDocumentId: [
        'Ausgabe (ID)',
        'Die Newsletter-Ausgabe, die verschickt wird. Jede Ausgabe wird nur einmal verschickt.',
      ],
      issueTitle: ['Ausgabe', 'Titel der Ausgabe beim Start des Versands.'],
      state: ['Stand', enumLegendDe(DISPATCH, 'state')],
      total: ['Empfänger', 'Bestätigte Abonnements beim Start des Versands.'],
      sent: ['Verschickt', 'Vom Mailserver angenommene Mails.'],
      failed: ['Fehlgeschlagen', 'Endgültig abgewiesene Adressen oder zu viele vergebliche Versuche.'],
      skipped: ['Übersprungen', 'Abonnements, die vor ihrer Mail abbestellt wurden.'],
      startedBy: ['Gestartet von', 'Wer den Versand ausgelöst hat.'],
      startedAt: ['Gestartet am', ''],
      finishedAt: ['Abgeschlossen am', ''],
    },
  },
  'api::newsletter-delivery.newsletter-delivery': {
    mainField: 'email',
    list: ['email', 'state', 'attempts', 'sentAt', 'lastError'],
    defaultSortBy: 'updatedAt',
    defaultSortOrder: 'DESC',
    readOnly: true,
    fields: {
      dispatchId: ['Versand (ID)', 'Der Versand, zu dem diese Mail gehört.'],
      subscriberDocumentId: ['Abonnement (ID)', 'Das Abonnement, an das die Mail geht.'],
      email: ['E-Mail', 'Adresse beim Start des Versands.'],
      state: ['Stand', enumLegendDe(DELIVERY, 'state')],
      attempts: ['Versuche', 'Wie oft die Mail dem Mailserver übergeben wurde.'],
      nextAttemptAt: ['Nächster Versuch', 'Nach einem vorübergehenden Fehler: wann die Mail erneut versucht wird.'],
      claimedAt: ['In Arbeit seit', 'Wann der Versand diese Mail zuletzt übernommen hat.'],
      claimToken: ['Übernommen von', 'Kennung des Versanddurchgangs, der die Mail gerade verschickt (technisch).'],
      lastError: ['Letzter Fehler', 'Antwort des Mailservers beim letzten vergeblichen Versuch.'],
      messageId: ['Message-ID', 'Kennung der Mail; bleibt bei Wiederholungen gleich.'],
      sentAt: ['Verschickt am', ''],
    },
  },
  'api::event.event': {
    mainField: 'title',
    list: ['title', 'format', 'startsAt', 'eventStatus', 'updatedAt'],
    defaultSortBy: 'startsAt',
    defaultSortOrder: 'DESC',
    fields: {
      title: common.title,
      slug: common.slug,
      format: ['Format', 'Art der Veranstaltung.'],
      startsAt: ['Beginn', 'Datum und Uhrzeit (deutsche Zeit).'],
      endsAt: ['Ende', 'Muss nach dem Beginn liegen.'],
      place: ['Veranstaltungsort', 'Für Präsenzveranstaltungen: Ort, Straße, PLZ, Stadt.'],
      online: ['Online-Zugang', 'Für Online-Veranstaltungen: Plattform und Link.'],
      summary: ['Kurzbeschreibung', 'Erscheint in Listen und im Kalender.'],
      description: ['Beschreibung', 'Ausführliche Beschreibung der Veranstaltung.'],
      registration: ['Anmeldung', 'Art der Anmeldung, Anmeldeschluss, Plätze und Kosten.'],
      agenda: ['Programm', 'Ablauf der Veranstaltung.'],
      documents: ['Unterlagen', 'Tagesordnung, Präsentationen und Dokumentation aus der Bibliothek.'],
      speakers: ['Referentinnen und Referenten', 'Wer spricht?'],
      eventStatus: ['Status', 'Angekündigt, Anmeldung offen, ausgebucht oder abgesagt.'],
      topics: ['Handlungsfelder', 'Themen der Veranstaltung.'],
    },
  },
  'api::topic.topic': {
    mainField: 'name',
    list: ['name', 'focus', 'updatedAt'],
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    fields: {
      name: ['Name', 'Name des Handlungsfelds.'],
      slug: common.slug,
      description: ['Beschreibung', 'Kurze Einführung in das Handlungsfeld.'],
      focus: ['Schwerpunktthema', 'Aktuelle Schwerpunkte werden auf der Startseite hervorgehoben.'],
    },
  },
  'api::municipality.municipality': {
    mainField: 'name',
    list: ['name', 'kind', 'kreisName', 'regierungsbezirkName', 'population'],
    defaultSortBy: 'name',
    defaultSortOrder: 'ASC',
    readOnly: true,
    fields: {
      name: ['Name', 'Referenzdaten (Destatis GV100AD) – werden beim Start geladen, nicht bearbeiten.'],
      nameOfficial: ['Amtliche Bezeichnung', 'Referenzdaten – nicht bearbeiten.'],
      slug: common.slug,
      ags: ['Amtlicher Gemeindeschlüssel (AGS)', 'Referenzdaten – nicht bearbeiten.'],
      ars: ['Amtlicher Regionalschlüssel (ARS)', 'Referenzdaten – nicht bearbeiten.'],
      kind: ['Art', 'Kreisfreie Stadt, kreisangehörige Stadt oder Gemeinde, oder Kreis.'],
      kreisAgs: ['Kreisschlüssel', 'Referenzdaten – nicht bearbeiten.'],
      kreisName: ['Kreis', 'Kreis bzw. kreisfreie Stadt.'],
      regierungsbezirkAgs: ['Schlüssel des Regierungsbezirks', 'Referenzdaten – nicht bearbeiten.'],
      regierungsbezirkName: ['Regierungsbezirk', 'Referenzdaten – nicht bearbeiten.'],
      population: ['Einwohnerzahl', 'Stand laut Stichtag.'],
      populationDate: ['Stichtag', 'Stichtag der Einwohnerzahl.'],
      areaKm2: ['Fläche (km²)', 'Referenzdaten – nicht bearbeiten.'],
      lat: ['Breitengrad', 'Repräsentativer Punkt innerhalb der Gemeindefläche.'],
      lon: ['Längengrad', 'Repräsentativer Punkt innerhalb der Gemeindefläche.'],
      note: ['Hinweis', 'Besonderheit (z. B. Status der Stadt Aachen).'],
    },
  },
  'api::newsletter-subscriber.newsletter-subscriber': {
    mainField: 'email',
    list: ['email', 'state', 'requestedAt', 'confirmedAt'],
    defaultSortBy: 'requestedAt',
    defaultSortOrder: 'DESC',
    // Written only by the sign-up and unsubscribe forms: the record is the proof of consent.
    readOnly: true,
    fields: {
      email: ['E-Mail-Adresse', 'Kleingeschrieben. Für Auskunft oder Löschung nach dieser Adresse suchen.'],
      state: ['Status', enumLegendDe(SUBSCRIBER, 'state')],
      requestedAt: ['Angemeldet am', 'Zeitpunkt der (letzten) Anmeldung über das Formular.'],
      consentVersion: [
        'Version der Einwilligung',
        'Fassung des Einwilligungstextes, dem bei der Anmeldung zugestimmt wurde.',
      ],
      sourcePage: ['Seite der Anmeldung', 'Seite der Website, auf der das Formular abgeschickt wurde.'],
      confirmTokenHash: ['Bestätigungscode (Hash)', 'Nur der SHA-256-Hash des Codes im Bestätigungslink.'],
      confirmExpiresAt: ['Bestätigungslink gültig bis', 'Unbestätigte Anmeldungen werden danach gelöscht.'],
      confirmMailSentAt: ['Bestätigungs-E-Mail gesendet am', 'Nachweis des Double-Opt-in.'],
      confirmMailMessageId: ['Message-ID der Bestätigungs-E-Mail', 'Nachweis des Double-Opt-in.'],
      confirmedAt: ['Bestätigt am', 'Zeitpunkt, zu dem der Link in der Bestätigungs-E-Mail bestätigt wurde.'],
      unsubscribeSalt: ['Schlüssel der Abmeldelinks', 'Zufallswert; wird bei der Abmeldung gelöscht.'],
      unsubscribedAt: ['Abgemeldet am', 'Zeitpunkt des Widerrufs.'],
      unsubscribeChannel: ['Abgemeldet über', enumLegendDe(SUBSCRIBER, 'unsubscribeChannel')],
      hardBounces: ['Unzustellbare Sendungen', 'Anzahl dauerhafter Zustellfehler.'],
      lastBounceAt: ['Letzter Zustellfehler am', ''],
    },
  },
  'api::advice-request.advice-request': {
    mainField: 'topic',
    list: ['requestedAt', 'state', 'municipality', 'topic', 'name'],
    defaultSortBy: 'requestedAt',
    defaultSortOrder: 'DESC',
    // Written only by the form on /beratung/: editors work through the requests and set their state.
    readOnly: true,
    editable: ['state'],
    fields: {
      state: [
        'Status',
        '„unbestätigt“: die E-Mail-Adresse ist noch nicht bestätigt (wird nach 7 Tagen gelöscht). „neu“: bestätigt und an das Beratungsteam gesendet. Danach „in Bearbeitung“ und „erledigt“.',
      ],
      municipality: ['Kommune', 'Die Kommune, für die angefragt wird (aus der Liste der NRW-Kommunen).'],
      municipalityAgs: ['Gemeindeschlüssel (AGS)', 'Amtlicher Gemeindeschlüssel der Kommune.'],
      topic: ['Thema', 'Das Thema der Anfrage, wie angegeben.'],
      question: ['Frage', 'Die Anfrage im Wortlaut.'],
      name: ['Name', 'Name der anfragenden Person.'],
      email: [
        'E-Mail-Adresse',
        'Bestätigte Adresse der anfragenden Person; Antworten an das Beratungsteam gehen dorthin.',
      ],
      phone: ['Telefon', 'Optional angegeben.'],
      requestedAt: ['Eingegangen am', 'Zeitpunkt, zu dem das Formular abgeschickt wurde.'],
      confirmTokenHash: ['Bestätigungscode (Hash)', 'Nur der SHA-256-Hash des Codes im Bestätigungslink.'],
      confirmExpiresAt: ['Bestätigungslink gültig bis', 'Unbestätigte Anfragen werden danach gelöscht.'],
      confirmMailMessageId: ['Message-ID der Bestätigungs-E-Mail', ''],
      confirmedAt: ['Bestätigt am', 'Zeitpunkt, zu dem die anfragende Person ihre E-Mail-Adresse bestätigt hat.'],
      forwardedAt: [
        'An das Beratungsteam gesendet am',
        'Leer, wenn die E-Mail an das Beratungsteam nicht gesendet werden konnte.',
      ],
    },
  },
  'api::project-submission.project-submission': {
    mainField: 'title',
    list: ['submittedAt', 'state', 'title', 'leadMunicipality', 'name'],
    defaultSortBy: 'submittedAt',
    defaultSortOrder: 'DESC',
    // Written only by the form on /projekt-melden/: editors review the draft project and set the state.
    readOnly: true,
    editable: ['state'],
    fields: {
      state: [
        'Status',
        '„unbestätigt“: die E-Mail-Adresse ist noch nicht bestätigt (wird nach 7 Tagen gelöscht). „neu“: bestätigt, der Projektentwurf ist angelegt. Danach „in Prüfung“, „übernommen“ (Projekt veröffentlicht) oder „abgelehnt“.',
      ],
      title: ['Titel', 'Der Titel des gemeldeten Projekts, wie angegeben.'],
      leadMunicipality: ['Federführende Kommune', 'Wie im Formular gewählt.'],
      name: ['Ansprechperson', 'Name der meldenden Person.'],
      email: [
        'E-Mail-Adresse',
        'Adresse der meldenden Person (nach der Bestätigung bestätigt); sie erhält die Mitteilung bei Veröffentlichung.',
      ],
      submitted: ['Gesendete Angaben', 'Alle Angaben genau so, wie sie im Formular gesendet wurden.'],
      files: [
        'Gesendete PDF-Dateien',
        'Geprüft und in der Medienbibliothek abgelegt; nach der Bestätigung als Dokument-Entwürfe am Projektentwurf. Öffentlich erst, wenn das Dokument veröffentlicht ist.',
      ],
      submittedAt: ['Eingegangen am', 'Zeitpunkt, zu dem das Formular abgeschickt wurde.'],
      confirmTokenHash: ['Bestätigungscode (Hash)', 'Nur der SHA-256-Hash des Codes im Bestätigungslink.'],
      confirmExpiresAt: [
        'Bestätigungslink gültig bis',
        'Unbestätigte Meldungen werden samt ihren Dateien danach gelöscht.',
      ],
      confirmMailMessageId: ['Message-ID der Bestätigungs-E-Mail', ''],
      confirmedAt: ['Bestätigt am', 'Zeitpunkt, zu dem die meldende Person ihre E-Mail-Adresse bestätigt hat.'],
      projectDocumentId: [
        'Projektentwurf (documentId)',
        'Der aus der Meldung angelegte Entwurf unter „Projekt“; nach dieser documentId suchen.',
      ],
      editorsMailedAt: [
        'Redaktion benachrichtigt am',
        'Leer, wenn die E-Mail an die Redaktion nicht gesendet werden konnte.',
      ],
      notifiedAt: [
        'Veröffentlichung mitgeteilt am',
        'Zeitpunkt, zu dem die meldende Person den Link zum veröffentlichten Projekt erhielt.',
      ],
    },
  },
  'api::partner-search.partner-search': {
    mainField: 'title',
    list: ['title', 'municipality', 'validUntil', 'updatedAt'],
    defaultSortBy: 'updatedAt',
    defaultSortOrder: 'DESC',
    fields: {
      title: common.title,
      slug: common.slug,
      municipality: ['Suchende Kommune', 'Pflicht für die Veröffentlichung. Die Kommune, die Partner sucht.'],
      topics: ['Handlungsfelder', 'Pflicht für die Veröffentlichung: mindestens ein Handlungsfeld.'],
      offer: [
        'Wir bieten',
        'Was die suchende Kommune einbringt (höchstens 3.000 Zeichen). Keine E-Mail-Adressen oder Telefonnummern: Antworten laufen über das Formular der Seite.',
      ],
      seek: ['Wir suchen', 'Was die suchende Kommune von Partnern erwartet (höchstens 3.000 Zeichen).'],
      validUntil: [
        'Gültig bis',
        'Bis einschließlich zu diesem Tag steht die Partnersuche auf der Website; danach wird sie automatisch zurückgezogen (höchstens ein Jahr).',
      ],
    },
  },
  'api::partner-search-submission.partner-search-submission': {
    mainField: 'title',
    list: ['submittedAt', 'state', 'title', 'municipality', 'name'],
    defaultSortBy: 'submittedAt',
    defaultSortOrder: 'DESC',
    // Written only by the form on /partnersuche/eintragen/: editors review the draft entry and set the state.
    readOnly: true,
    editable: ['state'],
    fields: {
      state: [
        'Status',
        '„unbestätigt“: die E-Mail-Adresse ist noch nicht bestätigt (wird nach 7 Tagen gelöscht). „neu“: bestätigt, der Entwurf unter „Partnersuche“ ist angelegt. Danach „in Prüfung“, „übernommen“ (veröffentlicht) oder „abgelehnt“.',
      ],
      title: ['Titel', 'Der Titel der Partnersuche, wie angegeben.'],
      municipality: ['Kommune', 'Wie im Formular gewählt.'],
      name: ['Ansprechperson', 'Name der eintragenden Person. Erscheint nie auf der Website.'],
      email: [
        'E-Mail-Adresse',
        'Adresse der eintragenden Person; Antworten auf die Partnersuche werden dorthin weitergeleitet. Erscheint nie auf der Website.',
      ],
      submitted: ['Gesendete Angaben', 'Alle Angaben genau so, wie sie im Formular gesendet wurden.'],
      submittedAt: ['Eingegangen am', 'Zeitpunkt, zu dem das Formular abgeschickt wurde.'],
      confirmTokenHash: ['Bestätigungscode (Hash)', 'Nur der SHA-256-Hash des Codes im Bestätigungslink.'],
      confirmExpiresAt: ['Bestätigungslink gültig bis', 'Unbestätigte Einträge werden danach gelöscht.'],
      confirmMailMessageId: ['Message-ID der Bestätigungs-E-Mail', ''],
      confirmedAt: ['Bestätigt am', 'Zeitpunkt, zu dem die eintragende Person ihre E-Mail-Adresse bestätigt hat.'],
      partnerSearchDocumentId: [
        'Entwurf (documentId)',
        'Der angelegte Entwurf unter „Partnersuche“; nach dieser documentId suchen.',
      ],
      editorsMailedAt: [
        'Redaktion benachrichtigt am',
        'Leer, wenn die E-Mail an die Redaktion nicht gesendet werden konnte.',
      ],
    },
  },
  'api::partner-search-reply.partner-search-reply': {
    mainField: 'partnerSearchDocumentId',
    list: ['submittedAt', 'partnerSearchDocumentId', 'confirmedAt', 'relayedAt'],
    defaultSortBy: 'submittedAt',
    defaultSortOrder: 'DESC',
    // Not shown in the admin: a reply waits here for its confirmation, then only the fact of the relay is kept.
    readOnly: true,
    fields: {
      partnerSearchDocumentId: ['Partnersuche (documentId)', ''],
      name: ['Name', 'Bis zur Weiterleitung.'],
      email: ['E-Mail-Adresse', 'Bis zur Weiterleitung.'],
      organisation: ['Kommune oder Organisation', 'Bis zur Weiterleitung.'],
      message: ['Nachricht', 'Bis zur Weiterleitung.'],
      submittedAt: ['Eingegangen am', ''],
      confirmTokenHash: ['Bestätigungscode (Hash)', 'Nur der SHA-256-Hash des Codes im Bestätigungslink.'],
      confirmExpiresAt: ['Bestätigungslink gültig bis', 'Unbestätigte Antworten werden danach gelöscht.'],
      confirmMailMessageId: ['Message-ID der Bestätigungs-E-Mail', ''],
      confirmedAt: ['Bestätigt am', ''],
      relayedAt: ['Weitergeleitet am', ''],
    },
  },
};

export const COMPONENT_LAYOUTS: Record<string, ModelLayout> = {
  'shared.partner': {
    mainField: 'name',
    fields: { name: ['Name', 'Name der Organisation.'], role: ['Rolle', 'Rolle im Projekt.'] },
  },
  'shared.contact': {
    mainField: 'name',
    fields: {
      name: ['Name', 'Vor- und Nachname.'],
      role: ['Funktion', 'Z. B. „Projektleitung“.'],
      organisation: ['Organisation', 'Kommune oder Einrichtung.'],
      email: ['E-Mail', 'Dienstliche E-Mail-Adresse.'],
      phone: ['Telefon', 'Dienstliche Telefonnummer, z. B. +49 211 123456.'],
      consent: ['Einwilligung zur Veröffentlichung', 'Nur wenn gesetzt, erscheinen die Kontaktdaten auf der Website.'],
    },
  },
  'shared.funding': {
    mainField: 'programme',
    fields: {
      programme: ['Förderprogramm', 'Z. B. „Förderrichtlinie IKZ NRW“.'],
      amount: ['Fördersumme (Euro)', 'Bewilligter Betrag in Euro.'],
      authority: ['Bewilligungsbehörde', 'Z. B. die zuständige Bezirksregierung.'],
      year: ['Bewilligungsjahr', 'Jahr der Bewilligung.'],
    },
  },
  'shared.link': {
    mainField: 'label',
    fields: { label: ['Linktext', 'Aussagekräftiger Text statt „hier klicken“.'], url: ['Adresse', 'https://…'] },
  },
  'document.court-decision': {
    mainField: 'docketNumber',
    fields: {
      court: ['Gericht', 'Z. B. „Oberverwaltungsgericht NRW“.'],
      docketNumber: ['Aktenzeichen', 'Z. B. „15 A 1234/19“.'],
      kind: ['Art der Entscheidung', 'Urteil oder Beschluss.'],
      decidedAt: ['Entscheidungsdatum', 'Datum der Entscheidung.'],
      holding: ['Tenor/Leitsatz', 'Kernaussage der Entscheidung.'],
      sourceUrl: ['Fundstelle', 'Link zur Entscheidung (https://…).'],
    },
  },
  'event.place': {
    mainField: 'venue',
    fields: {
      venue: ['Veranstaltungsort', 'Name des Gebäudes oder Saals.'],
      street: ['Straße und Hausnummer', ''],
      postalCode: ['Postleitzahl', 'Fünfstellig.'],
      city: ['Ort', ''],
    },
  },
  'event.online-access': {
    mainField: 'platform',
    fields: {
      platform: ['Plattform', 'Z. B. „Webex“ oder „BigBlueButton“.'],
      url: ['Zugangslink', 'https://… – wird auf der Website gezeigt.'],
    },
  },
  'event.registration': {
    mainField: 'mode',
    fields: {
      mode: ['Art der Anmeldung', ''],
      email: ['Anmelde-E-Mail', 'Pflicht bei Anmeldung per E-Mail.'],
      url: ['Anmeldelink', 'Pflicht bei Anmeldung per Online-Formular.'],
      deadline: ['Anmeldeschluss', 'Spätestens zum Ende der Veranstaltung.'],
      capacity: ['Plätze', 'Anzahl der verfügbaren Plätze.'],
      cost: ['Kosten', 'Z. B. „kostenfrei“ oder „50 Euro“.'],
    },
  },
  'event.speaker': {
    mainField: 'name',
    fields: { name: ['Name', ''], role: ['Funktion', ''], organisation: ['Organisation', ''] },
  },
  'newsletter.section': {
    mainField: 'heading',
    fields: {
      heading: ['Überschrift', ''],
      text: ['Text', ''],
      projects: ['Verweise auf Projekte', ''],
      events: ['Verweise auf Veranstaltungen', ''],
      documents: ['Verweise auf Dokumente', ''],
      links: ['Weitere Links', ''],
    },
  },
};

type Metadatas = Record<string, { edit?: Record<string, unknown>; list?: Record<string, unknown> }>;
export interface CmConfiguration {
  settings?: Record<string, unknown>;
  metadatas?: Metadatas;
  layouts?: { list?: string[]; edit?: unknown; [k: string]: unknown };
  [k: string]: unknown;
}

/** Merges a layout into a stored content-manager configuration; the result is stable, so applying twice changes nothing. */
/** Labels of the fields Strapi adds to every content type (shown as list columns and in filters). */
export const SYSTEM_FIELD_LABELS: Record<string, string> = {
  createdAt: 'Erstellt am',
  updatedAt: 'Zuletzt geändert',
  publishedAt: 'Veröffentlicht am',
};

export function applyLayout(config: CmConfiguration, layout: ModelLayout): CmConfiguration {
  const metadatas: Metadatas = { ...(config.metadatas ?? {}) };
  for (const [field, label] of Object.entries(SYSTEM_FIELD_LABELS)) {
    const current = metadatas[field];
    if (current)
      metadatas[field] = {
        ...current,
        edit: { ...(current.edit ?? {}), label },
        list: { ...(current.list ?? {}), label },
      };
  }
  for (const [field, [label, description]] of Object.entries(layout.fields)) {
    const current = metadatas[field] ?? {};
    metadatas[field] = {
      ...current,
      edit: {
        ...(current.edit ?? {}),
        label,
        description,
        ...(layout.readOnly && !layout.editable?.includes(field) ? { editable: false } : {}),
      },
      list: { ...(current.list ?? {}), label },
    };
  }
  const settings = { ...(config.settings ?? {}) };
  if (layout.mainField) settings.mainField = layout.mainField;
  if (layout.defaultSortBy) settings.defaultSortBy = layout.defaultSortBy;
  if (layout.defaultSortOrder) settings.defaultSortOrder = layout.defaultSortOrder;
  const layouts = { ...(config.layouts ?? {}) };
  if (layout.list) layouts.list = layout.list;
  return { ...config, settings, metadatas, layouts };
}
