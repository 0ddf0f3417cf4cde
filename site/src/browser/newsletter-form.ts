/**
 * The newsletter sign-up form with JavaScript (browser code): the proof-of-work challenge is solved while the
 * reader fills in the form, the form is sent by fetch and the answer appears in the form's status region;
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

const FAILED = 'Das Formular konnte nicht gesendet werden. Bitte prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.';
const SENDING = 'Wird gesendet …';

export function enhanceSignUpForm(form: HTMLFormElement, solve: ChallengeSolver): void {
  const status = form.querySelector<HTMLElement>('[role="status"]')!;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]')!;
  const altcha = form.querySelector<HTMLInputElement>('input[name="altcha"]');
  let challenge: Promise<string> | null = null;
  let busy = false;
  // The server's messages are the ones that count; the browser's own bubbles would say something else.
  form.noValidate = true;

  // Started by the first interaction, so that it is solved (and old enough for the time trap) at submit.
  const startChallenge = () => {
    // Unsolved (no network, too slow): the form is sent without it and the stricter limit applies.
    challenge ??= solve().catch(() => '');
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
      if (altcha) altcha.value = await challenge!;
      challenge = null; // a solution is used once
      const response = await fetch(form.action, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(new FormData(form) as unknown as Record<string, string>).toString(),
      });
      const answer = (await response.json()) as FormAnswer;
      showAnswer(form, status, answer);
    } catch {
      status.textContent = FAILED;
      status.focus();
    } finally {
      busy = false;
      button.removeAttribute('aria-disabled');
    }
  });
}

function clearErrors(form: HTMLFormElement): void {
  for (const field of form.querySelectorAll<HTMLInputElement>('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
    field.removeAttribute('aria-describedby');
  }
  for (const error of form.querySelectorAll<HTMLElement>('.field-error')) {
    error.hidden = true;
    error.textContent = '';
  }
}

function showAnswer(form: HTMLFormElement, status: HTMLElement, answer: FormAnswer): void {
  const errors = Object.entries(answer.errors ?? {});
  let first: HTMLInputElement | null = null;
  const unplaced: string[] = [];
  for (const [name, message] of errors) {
    const field = form.querySelector<HTMLInputElement>(`input[name="${CSS.escape(name)}"]:not([type="hidden"])`);
    const slot = field ? form.querySelector<HTMLElement>(`#${CSS.escape(field.id)}-fehler`) : null;
    if (!field || !slot) {
      unplaced.push(message);
      continue;
    }
    slot.textContent = message;
    slot.hidden = false;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', slot.id);
    first ??= field;
  }
  status.textContent = [answer.message, ...unplaced].join(' ');
  if (first) {
    first.focus();
    return;
  }
  if (answer.ok) form.reset();
  status.focus();
}
