/**
 * Suggestions as one types a municipality (browser code; the project report form). Without JavaScript the form
 * has a select of the 427 for the lead municipality and checkboxes grouped by Regierungsbezirk for the others;
 * with it, each gets a text field with the WAI-ARIA combobox pattern (list autocomplete): the suggestions
 * (lib/municipality-search.ts) in a listbox, arrow keys move through them (aria-activedescendant), Enter or a
 * click chooses, Escape closes, and a polite live region says how many were found. A native <datalist> was
 * not enough: it shows names but sends what was typed, not the key, its matching cannot be taught umlauts or
 * „Stadt“, and screen readers announce neither the number of suggestions nor the group.
 *
 * The lead: choosing sets the (hidden) select, which is still what the form sends. The others: choosing ticks
 * the municipality's checkbox, and the chosen ones are listed with a button to remove each; the grouped
 * checkboxes stay for browsing.
 */
import { resultsText, suggest, type SearchChoice } from '../lib/municipality-search.ts';

const SHOWN = 12;
let counter = 0;

interface ComboboxOptions {
  input: HTMLInputElement;
  choices: () => SearchChoice[];
  choose: (choice: SearchChoice) => void;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Turns `input` into a combobox with its listbox and status region (inserted after it). */
function combobox({ input, choices, choose }: ComboboxOptions): { close(): void } {
  const id = `kommunen-vorschlaege-${++counter}`;
  const listbox = element('ul', { id, role: 'listbox', class: 'combobox-list', 'aria-label': 'Vorschläge' });
  listbox.hidden = true;
  // A live region without role="status": the form's own status region (browser/form-submit.ts) is the one with it.
  const status = element('p', { class: 'visually-hidden combobox-status', 'aria-live': 'polite' });
  input.after(listbox, status);
  Object.entries({
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': id,
    autocomplete: 'off',
    spellcheck: 'false',
  }).forEach(([n, v]) => input.setAttribute(n, v));
  let shown: SearchChoice[] = [];
  let active = -1;
  let announce = 0;

  const setActive = (index: number) => {
    active = index;
    Array.from(listbox.children).forEach((option, i) => option.setAttribute('aria-selected', String(i === active)));
    const option = listbox.children[active] as HTMLElement | undefined;
    if (option) {
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };
  const pick = (index: number) => {
    const choice = shown[index];
    if (!choice) return;
    close();
    choose(choice);
  };
  const update = () => {
    const found = suggest(choices(), input.value);
    shown = found.slice(0, SHOWN);
    listbox.replaceChildren(
      ...shown.map((choice, i) => {
        const option = element('li', { id: `${id}-${i}`, role: 'option', 'aria-selected': 'false' }, choice.name);
        if (choice.group) option.append(element('span', { class: 'combobox-group' }, ` – ${choice.group}`));
        // pointerdown keeps the focus in the field.
        option.addEventListener('pointerdown', (event) => {
          event.preventDefault();
          pick(i);
        });
        return option;
      }),
    );
    const open = input.value.trim() !== '';
    listbox.hidden = !open || shown.length === 0;
    input.setAttribute('aria-expanded', String(!listbox.hidden));
    setActive(-1);
    window.clearTimeout(announce);
    // Announced once typing pauses, not at every key.
    announce = window.setTimeout(() => {
      status.textContent = open ? resultsText(shown.length, found.length) : '';
    }, 400);
  };

  input.addEventListener('input', update);
  input.addEventListener('keydown', (event) => {
    const open = !listbox.hidden;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) update();
      if (shown.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive(active === -1 ? (step === 1 ? 0 : shown.length - 1) : (active + step + shown.length) % shown.length);
    } else if (event.key === 'Enter' && open) {
      // Enter chooses the highlighted suggestion (or the only one) instead of sending the form.
      event.preventDefault();
      pick(active === -1 && shown.length === 1 ? 0 : active);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener('blur', close);
  return { close };
}

function selectChoices(select: HTMLSelectElement): SearchChoice[] {
  return Array.from(select.options)
    .filter((o) => o.value)
    .map((o) => ({
      value: o.value,
      name: o.text,
      group: o.parentElement instanceof HTMLOptGroupElement ? o.parentElement.label : undefined,
    }));
}

/** The lead municipality: a combobox in place of the select, which stays (hidden) what the form sends. */
export function enhanceMunicipalitySelect(select: HTMLSelectElement, hint: string): void {
  const label = document.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(select.id)}"]`);
  const choices = selectChoices(select);
  const input = element('input', {
    id: `${select.id}-suche`,
    type: 'text',
    class: 'combobox-input',
    'aria-describedby': `${select.id}-hinweis`,
  });
  const help = element('p', { id: `${select.id}-hinweis`, class: 'form-hint' }, hint);
  select.before(help);
  select.after(input);
  select.hidden = true;
  select.tabIndex = -1;
  // Errors placed on the select (browser/form-submit.ts) are shown and focused on the text field.
  select.dataset.combobox = input.id;
  if (label) label.htmlFor = input.id;
  input.value = select.selectedOptions[0]?.value ? select.selectedOptions[0].text : '';
  const byName = (text: string) =>
    choices.find((c) => c.name.toLocaleLowerCase('de') === text.trim().toLocaleLowerCase('de'));
  combobox({
    input,
    choices: () => choices,
    choose: (choice) => {
      input.value = choice.name;
      select.value = choice.value;
    },
  });
  // What was typed counts only as a municipality when it is one's exact name.
  input.addEventListener('input', () => {
    select.value = byName(input.value)?.value ?? '';
  });
  select.form?.addEventListener('reset', () => {
    input.value = '';
  });
}

/** The participating municipalities: a combobox that ticks their checkboxes, and the list of those ticked. */
export function enhanceMunicipalityChoices(fieldset: HTMLFieldSetElement, hint: string): void {
  const boxes = Array.from(fieldset.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));
  const nameOf = (box: HTMLInputElement) =>
    fieldset.querySelector<HTMLLabelElement>(`label[for="${CSS.escape(box.id)}"]`)?.textContent?.trim() ?? box.value;
  const groupOf = (box: HTMLInputElement) => box.closest('details')?.querySelector('summary')?.textContent?.trim();
  const all = boxes.map((box) => ({ value: box.value, name: nameOf(box), group: groupOf(box) }));
  const inputId = `${fieldset.id}-suche`;
  const wrapper = element('div', { class: 'combobox-multi' });
  const label = element('label', { for: inputId }, 'Kommune suchen und hinzufügen');
  const help = element('p', { id: `${inputId}-hinweis`, class: 'form-hint' }, hint);
  const input = element('input', {
    id: inputId,
    type: 'text',
    class: 'combobox-input',
    'aria-describedby': `${inputId}-hinweis`,
  });
  const chosenHeading = element('p', { id: `${fieldset.id}-gewaehlt`, class: 'chosen-heading' });
  const chosen = element('ul', { class: 'chosen', 'aria-labelledby': chosenHeading.id });
  const said = element('p', { class: 'visually-hidden combobox-status', 'aria-live': 'polite' });
  wrapper.append(label, help, input);
  const firstGroup = fieldset.querySelector('details');
  (firstGroup ?? fieldset.lastChild)?.before(wrapper, chosenHeading, chosen, said);

  const render = () => {
    const ticked = boxes.filter((box) => box.checked);
    chosenHeading.textContent = ticked.length
      ? `Ausgewählt (${ticked.length}):`
      : 'Noch keine beteiligte Kommune ausgewählt.';
    chosen.replaceChildren(
      ...ticked.map((box) => {
        const name = nameOf(box);
        const remove = element(
          'button',
          { type: 'button', class: 'chosen-remove', 'aria-label': `${name} entfernen` },
          '×',
        );
        remove.addEventListener('click', () => {
          box.checked = false;
          render();
          said.textContent = `${name} entfernt.`;
          input.focus();
        });
        const item = element('li', {}, `${name} `);
        item.append(remove);
        return item;
      }),
    );
  };
  combobox({
    input,
    choices: () => all.filter((c) => !boxes.find((b) => b.value === c.value)?.checked),
    choose: (choice) => {
      const box = boxes.find((b) => b.value === choice.value);
      if (box) box.checked = true;
      input.value = '';
      render();
      said.textContent = `${choice.name} hinzugefügt.`;
    },
  });
  fieldset.addEventListener('change', render);
  fieldset.form?.addEventListener('reset', () => setTimeout(render));
  render();
}
