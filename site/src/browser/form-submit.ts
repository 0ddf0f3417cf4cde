/**
 * The site's forms with JavaScript (browser code; the newsletter sign-up, the advisory request, the project report): the
 * proof-of-work challenge is solved while the reader fills in the form, the form is sent by fetch and the answer appears in the form's status region;
 * field errors are linked to their fields (aria-describedby, aria-invalid) and the first one gets the focus.
 * Without JavaScript the form posts as it is and Strapi answers with a page.
 */

/** Solves the forms' challenge and returns the value of the hidden `altcha` field ('' when there is none). */
export type ChallengeSolver = (signal?: AbortSignal) => Promise<string>;

interface FormAnswer {
  ok: boolean;
  title: string;
  message: string;
  errors?: Record<string, string>;
}

/**
 * The server drops a solution younger than 3 s as a bot's (cms/src/forms/guard.ts); a reader who fixes a field
 * quickly must not be dropped silently, so a solution is sent no earlier than this after it was asked for.
 */
const MIN_CHALLENGE_AGE_MS = 4_000;

const FAILED =
  'Das Formular konnte nicht gesendet werden. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.';
const SENDING = 'Wird gesendet …';

export function enhanceForm(form: HTMLFormElement, solve: ChallengeSolver): void {
  const status = form.querySelector<HTMLElement>('[role="status"]')!;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const altcha = form.querySelector<HTMLInputElement>('input[name="altcha"]');
  let challenge: { value: Promise<string>; askedAt: number } | null = null;
  let busy = false;
  // The server's messages are the ones that count; the browser's own bubbles would say something else.
  form.noValidate = true;

  // Started by the first interaction, so that it is solved (and old enough for the time trap) at submit.
  // Unsolved (no network, too slow): the form is sent without it and the stricter limit applies.
  const startChallenge = () => {
    challenge ??= { value: solve().catch(() => ''), askedAt: Date.now() };
  };
  form.addEventListener('focusin', startChallenge, { once: true });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    button.setAttribute('aria-disabled', 'true');
    clearErrors(form);
    status.textContent = SENDING;
    try {
      startChallenge();
      // A solution is used once, whatever the answer.
      const current = challenge!;
      challenge = null;
      const solution = await current.value;
      const wait = current.askedAt + MIN_CHALLENGE_AGE_MS - Date.now();
      if (solution && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (altcha) altcha.value = solution;
      // A form that takes files is sent as multipart (the browser sets the boundary), like without JavaScript.
      const data = new FormData(form);
      const multipart = form.enctype === 'multipart/form-data';
      const response = await fetch(form.action, {
        method: 'POST',
        headers: multipart
          ? { Accept: 'application/json' }
          : { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: multipart ? data : new URLSearchParams(data as unknown as Record<string, string>).toString(),
      });
      const answer = (await response.json()) as FormAnswer;
      showAnswer(form, status, answer);
    } catch {
      status.textContent = FAILED;
      status.focus();
    } finally {
      busy = false;
      button.removeAttribute('aria-disabled');
      startChallenge(); // ready for the next attempt
    }
  });
}

function clearErrors(form: HTMLFormElement): void {
  for (const field of Array.from(form.querySelectorAll<HTMLElement>('[aria-invalid], fieldset[aria-describedby]'))) {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
  for (const error of Array.from(form.querySelectorAll<HTMLElement>('.field-error'))) {
    error.hidden = true;
    error.textContent = '';
  }
}

function showAnswer(form: HTMLFormElement, status: HTMLElement, answer: FormAnswer): void {
  const errors = Object.entries(answer.errors ?? {});
  let first: HTMLElement | null = null;
  const unplaced: string[] = [];
  for (const [name, message] of errors) {
    const field = form.querySelector<HTMLElement>(
      `:is(input, select, textarea)[name="${CSS.escape(name)}"]:not([type="hidden"])`,
    );
    // A list of checkboxes (fieldset with an id) has one message for the group: on the fieldset, not on each box.
    const fieldset = field?.getAttribute('type') === 'checkbox' ? field.closest<HTMLElement>('fieldset[id]') : null;
    const groupSlot = fieldset ? form.querySelector<HTMLElement>(`#${CSS.escape(fieldset.id)}-fehler`) : null;
    const group = groupSlot ? fieldset : null;
    const slot = groupSlot ?? (field ? form.querySelector<HTMLElement>(`#${CSS.escape(field.id)}-fehler`) : null);
    if (!field || !slot) {
      unplaced.push(message);
      continue;
    }
    slot.textContent = message;
    slot.hidden = false;
    // A select replaced by a combobox (browser/municipality-combobox.ts) shows its error on the combobox.
    const shown =
      (field.dataset.combobox && form.querySelector<HTMLElement>(`#${CSS.escape(field.dataset.combobox)}`)) || field;
    if (group) group.setAttribute('aria-describedby', slot.id);
    else {
      shown.setAttribute('aria-invalid', 'true');
      shown.setAttribute('aria-describedby', slot.id);
    }
    // The focus goes to a box of the group (a ticked one if any), opening its <details> when it is in one.
    const target = group ? (group.querySelector<HTMLElement>('input:checked') ?? field) : shown;
    if (!first) target.closest('details')?.setAttribute('open', '');
    first ??= target;
  }
  status.textContent = [answer.message, ...unplaced].join(' ');
  if (first) {
    first.focus();
    return;
  }
  if (answer.ok) form.reset();
  status.focus();
}
