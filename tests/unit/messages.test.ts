import { describe, expect, it } from 'vitest';
import { fieldLabel, translateErrors, translateMessage } from '@ikz/cms/lib/messages';

const P = 'api::project.project';

describe('German validation messages', () => {
  it('uses the German field labels, also inside components', () => {
    expect(fieldLabel(P, ['summary'])).toBe('Kurzbeschreibung');
    expect(fieldLabel(P, ['contacts', '0', 'email'])).toBe('Ansprechpersonen › E-Mail');
    expect(fieldLabel(P, [])).toBe('Eintrag');
  });

  it('translates the messages Strapi produces', () => {
    expect(translateMessage(P, ['title'], 'title must be defined.')).toBe('„Titel“ ist ein Pflichtfeld.');
    expect(translateMessage(P, ['startYear'], 'startYear must be greater than or equal to 1950')).toBe(
      '„Startjahr“ muss mindestens 1950 sein.',
    );
    expect(translateMessage(P, ['endYear'], 'endYear must be less than or equal to 2100')).toBe(
      '„Endjahr“ darf höchstens 2100 sein.',
    );
    expect(translateMessage(P, ['summary'], 'summary must be at least 20 characters')).toBe(
      '„Kurzbeschreibung“ muss mindestens 20 Zeichen lang sein.',
    );
    expect(
      translateMessage(P, ['projectStatus'], 'projectStatus must be one of the following values: Planung, beendet'),
    ).toBe('„Projektstatus“ hat keinen zulässigen Wert.');
    expect(translateMessage(P, ['contacts', '0', 'email'], 'contacts[0].email must be a valid email')).toBe(
      '„Ansprechpersonen › E-Mail“ ist keine gültige E-Mail-Adresse.',
    );
    expect(
      translateMessage(
        P,
        ['contacts', '0', 'phone'],
        'contacts[0].phone must match the following: "/^\\+?[0-9 ()/\\-]{5,40}$/"',
      ),
    ).toBe('„Ansprechpersonen › Telefon“ hat nicht das erwartete Format.');
    expect(translateMessage(P, ['slug'], 'This attribute must be unique')).toBe('„URL-Kürzel“ ist bereits vergeben.');
    expect(translateMessage(P, ['occasion', '1', 'children', '0', 'url'], 'Please specify a valid link.')).toMatch(
      /^„Anlass“ enthält einen ungültigen Link/,
    );
  });

  it('keeps German messages and labels unknown English ones', () => {
    expect(translateMessage(P, ['topics'], 'Ein Projekt braucht mindestens ein Handlungsfeld.')).toBe(
      'Ein Projekt braucht mindestens ein Handlungsfeld.',
    );
    expect(translateMessage(P, ['title'], 'something odd')).toBe('„Titel“: something odd');
  });

  it('summarises several errors', () => {
    const result = translateErrors(P, [
      { path: ['title'], message: 'title must be defined' },
      { path: ['summary'], message: 'summary must be defined' },
    ]);
    expect(result.message).toBe(
      'Bitte korrigieren Sie 2 Angaben: „Titel“ ist ein Pflichtfeld. „Kurzbeschreibung“ ist ein Pflichtfeld.',
    );
    expect(result.errors.map((e) => e.path)).toEqual([['title'], ['summary']]);
  });
});
