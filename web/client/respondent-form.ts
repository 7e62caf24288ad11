/**
 * The questionnaire page in the browser (bundled by esbuild, served as /assets/respondent-form.js). It runs the very
 * validation the server runs (domain/questionnaire and domain/soft-warnings) before a submission leaves the page, and
 * saves the draft on the server as the respondent types, so it can be taken up again on any device. Without this
 * script the form still works: the server checks everything again and keeps drafts saved with "Save draft".
 */
import { validateAnswers } from '../../domain/questionnaire';
import type { FieldError, Questionnaire } from '../../domain/questionnaire';
import { translateMessage } from '../../domain/i18n/messages';
import type { Translate } from '../../domain/i18n/messages';
import { softWarnings } from '../../domain/soft-warnings';

interface FormConfig {
  questionnaire: Questionnaire;
  /** The page language's text of the messages the script may show, by message id (BROWSER_MESSAGE_IDS). */
  messages: Record<string, string>;
  autosaveUrl: string;
  lang: string;
}

const AUTOSAVE_DELAY_MS = 1500;
/** When a save could not reach the server or the server could not commit, and it named no delay of its own. */
const RETRY_SECONDS = 30;
/** Fields of the form that are not answers. */
const CONTROL_FIELDS = new Set(['_csrf', 'version', 'action', 'confirmWarnings']);

function start(): void {
  const form = document.querySelector<HTMLFormElement>('form[data-questionnaire]');
  const configElement = document.getElementById('form-config');
  if (!form || !configElement?.textContent) return;
  const config = JSON.parse(configElement.textContent) as FormConfig;
  const t: Translate = (id, values = {}) =>
    (config.messages[id] ?? id).replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
  const status = document.getElementById('autosave-status');
  const summary = document.getElementById('form-summary');
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;

  /** The answers as the server would receive them from this form (a field posted twice becomes a list). */
  function answers(): Record<string, string | string[]> {
    const result: Record<string, string | string[]> = {};
    new FormData(form!).forEach((value, name) => {
      if (CONTROL_FIELDS.has(name) || typeof value !== 'string') return;
      const previous = result[name];
      result[name] = previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
    });
    return result;
  }

  function show(heading: string, problems: FieldError[], confirmation: boolean): void {
    if (!summary) return;
    summary.replaceChildren();
    summary.className = 'alert';
    const title = document.createElement('p');
    title.textContent = heading;
    const list = document.createElement('ul');
    for (const problem of problems) {
      const link = document.createElement('a');
      link.href = `#${problem.field}`;
      link.textContent = translateMessage(t, problem.message);
      const item = document.createElement('li');
      item.append(link);
      list.append(item);
    }
    summary.append(title, list);
    if (confirmation) {
      const label = document.createElement('label');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'confirmWarnings';
      box.value = '1';
      box.setAttribute('form', form!.id);
      label.append(box, ` ${t('form.confirmWarnings')}`);
      summary.append(label);
    }
    summary.hidden = false;
    summary.tabIndex = -1;
    summary.focus();
  }

  // Autosave: one save at a time, the latest answers after a pause in typing.
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let stopped = false;
  const say = (text: string) => {
    if (status) status.textContent = text;
  };
  async function save(): Promise<void> {
    const version = field('version');
    const csrf = field('_csrf');
    if (!version || !csrf || stopped) return;
    say(t('form.saving'));
    try {
      const response = await fetch(config.autosaveUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'csrf-token': csrf.value },
        body: JSON.stringify({ version: Number(version.value), answers: answers() }),
        credentials: 'same-origin',
      });
      if (response.ok) {
        const saved = (await response.json()) as { version: number };
        version.value = String(saved.version);
        const time = new Date().toLocaleTimeString(config.lang, { hour: '2-digit', minute: '2-digit' });
        say(t('form.draftSavedAt', { time }));
      } else if (response.status === 409) {
        stopped = true; // saving over someone else's changes would lose them
        say(t('form.notSavedConflict'));
      } else if (response.status === 503) {
        // The server could not commit (database restarting or read-only): nothing was saved, so try again later.
        say(t('form.notSavedUnavailable'));
        retryLater(Number(response.headers.get('retry-after')) || RETRY_SECONDS);
      } else {
        say(t('form.notSavedInvalid'));
      }
    } catch {
      say(t('form.notSavedOffline'));
      retryLater(RETRY_SECONDS);
    }
  }
  /** Saves again after `seconds`, unless the respondent types first (which saves sooner). */
  const retryLater = (seconds: number) => {
    clearTimeout(timer);
    timer = setTimeout(saveSoon, seconds * 1000);
  };
  let pending = false;
  const saveSoon = () => {
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      pending = false;
      const previous = inFlight ?? Promise.resolve();
      inFlight = previous.then(save).finally(() => {
        inFlight = undefined;
      });
    }, AUTOSAVE_DELAY_MS);
  };
  form.addEventListener('input', saveSoon);
  form.addEventListener('change', saveSoon);

  form.addEventListener('submit', (event) => {
    const submitter = event.submitter as HTMLButtonElement | null;
    const mode = submitter?.value === 'submit' ? 'submit' : 'draft';
    const result = validateAnswers(config.questionnaire, answers(), mode);
    if (!result.ok) {
      event.preventDefault();
      show(t('respondent.problemsHeading'), result.errors, false);
      return;
    }
    const confirmed = (form.elements.namedItem('confirmWarnings') as HTMLInputElement | null)?.checked ?? false;
    const warnings = mode === 'submit' && !confirmed ? softWarnings(config.questionnaire, result.answers) : [];
    if (warnings.length > 0) {
      event.preventDefault();
      show(t('form.checkBeforeSubmitting'), warnings, true);
      return;
    }
    // A save still on its way would make this submission's version stale: send the form once it has landed.
    clearTimeout(timer);
    if (inFlight) {
      event.preventDefault();
      void inFlight.then(() => form.requestSubmit(submitter ?? undefined));
    }
  });
  // Attaching or removing a file leaves the page: what was typed since the last save is saved first.
  for (const upload of document.querySelectorAll<HTMLFormElement>('form[data-upload]')) {
    upload.addEventListener('submit', (event) => {
      if (!pending && !inFlight) return;
      event.preventDefault();
      clearTimeout(timer);
      pending = false;
      void (inFlight ?? Promise.resolve()).then(save).then(() => upload.submit());
    });
  }
  // For people nothing changes; automated checks wait for it before typing.
  document.documentElement.dataset.formReady = 'true';
}

start();
