import type { Language } from '@relance/shared/vocabulary';
import type { ClientChoice } from '../../../lib/messages';
import { messageOf } from '../../shared/guard';
import { type AssignTranslator, assignTranslator } from './assignStrings';
import { actionButton, el, setOptions, syncChildren } from './dom';

export interface AssignPanelProps {
  /** The compose panel's language (its words are the line's own: assignStrings.ts). */
  lang: Language;
  /** Recipients no client is known by. */
  emails: string[];
  search(query: string): Promise<ClientChoice[]>;
  assign(email: string, client: ClientChoice): Promise<void>;
  /** "Don't ask again for this address" (remembered by the background). */
  dismiss(email: string): void;
}

const SEARCH_DELAY_MS = 200;

/** The open form's elements, kept while it is open: the search field keeps the focus and the text. */
interface Form {
  section: HTMLElement;
  bar: HTMLElement;
  brand: HTMLElement;
  prompt: HTMLElement;
  select: HTMLSelectElement;
  email: HTMLElement;
  input: HTMLInputElement;
  close: HTMLButtonElement;
  list: HTMLElement | null;
  listed: ClientChoice[] | null;
}

/**
 * "This address belongs to…": links a recipient's address to a client, so the panel finds the
 * client from then on (the whole team's extension too: the client document syncs). Closed it is
 * a single quiet link. One per compose window; what the person typed lives here between renders,
 * and starts again when the line is taken away (`clear`).
 */
export class AssignPanel {
  private root: (ParentNode & Node) | null = null;
  private props: AssignPanelProps | null = null;
  private t: AssignTranslator = assignTranslator('fr');
  private open = false;
  private email = '';
  private query = '';
  private choices: ClientChoice[] | null = null;
  private error = '';
  /** The search waiting for the person to stop typing, and the one whose answer is awaited. */
  private timer: ReturnType<typeof setTimeout> | null = null;
  private asked = 0;
  private shown: Element | null = null;
  private form: Form | null = null;
  private quiet: {
    line: HTMLElement;
    email: HTMLElement;
    open: HTMLButtonElement;
    dismiss: HTMLButtonElement;
  } | null = null;

  /** Draws the line into `root` (its shadow root), or updates it. */
  draw(root: ParentNode & Node, props: AssignPanelProps): void {
    if (root !== this.root) {
      this.clear();
      this.root = root;
    }
    this.props = props;
    if (this.t.lang !== props.lang) this.t = assignTranslator(props.lang);
    if (!props.emails.includes(this.email)) this.email = props.emails[0] ?? '';
    this.paint();
  }

  /** The line was taken away: nothing more is asked, and it starts closed next time. */
  clear(): void {
    this.cancelSearch();
    this.root = null;
    this.shown = null;
    this.form = null;
    this.quiet = null;
    this.open = false;
    this.email = '';
    this.query = '';
    this.choices = null;
    this.error = '';
  }

  private cancelSearch(): void {
    this.asked++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** What the effect of the person's last change asks: the clients matching the query, once typing stops. */
  private searchSoon(): void {
    this.cancelSearch();
    if (!this.open || !this.props) return;
    const { search } = this.props;
    const { t } = this;
    const asked = this.asked;
    const query = this.query;
    this.timer = setTimeout(() => {
      this.timer = null;
      search(query).then(
        (found) => {
          if (asked !== this.asked) return;
          this.choices = found;
          this.paint();
        },
        (e: unknown) => {
          if (asked !== this.asked) return;
          this.error = t('failed', { message: messageOf(e) });
          this.paint();
        },
      );
    }, SEARCH_DELAY_MS);
  }

  private setOpen(open: boolean): void {
    this.open = open;
    this.paint();
    this.searchSoon();
  }

  private paint(): void {
    const { root, props } = this;
    if (!root || !props) return;
    const next = this.open ? this.paintForm(root.ownerDocument ?? document, props) : this.quietLine();
    if (next === this.shown && next.parentNode === root) return;
    if (this.shown?.parentNode === root) this.shown.replaceWith(next);
    else root.append(next);
    this.shown = next;
  }

  /** Closed: `Relance  compta@…  This address belongs to…  ×`. */
  private quietLine(): Element {
    const { t } = this;
    const doc = this.root?.ownerDocument ?? document;
    this.form = null;
    let quiet = this.quiet;
    if (!quiet) {
      const line = el(doc, 'div', 'assign quiet');
      const email = el(doc, 'span', 'email');
      const open = actionButton(doc, 'assign-email');
      open.addEventListener('click', () => this.setOpen(true));
      const dismiss = actionButton(doc, 'dismiss-assign', 'dismiss');
      dismiss.textContent = '×';
      dismiss.addEventListener('click', () => this.props?.dismiss(this.email));
      line.append(el(doc, 'span', 'brand', 'Relance'), email, open, dismiss);
      quiet = { line, email, open, dismiss };
      this.quiet = quiet;
    }
    const email = this.email;
    quiet.line.dataset.relanceEmail = email;
    quiet.email.textContent = email;
    quiet.open.textContent = t('assignPrompt');
    quiet.dismiss.setAttribute('aria-label', t('assignDismiss', { email }));
    quiet.dismiss.title = t('assignDismiss', { email });
    return quiet.line;
  }

  /** Open: the address (a choice when several), the client search, and the clients found. */
  private paintForm(doc: Document, props: AssignPanelProps): Element {
    const { emails } = props;
    const { t } = this;
    this.quiet = null;
    let form = this.form;
    if (!form) {
      const section = el(doc, 'section', 'panel');
      section.setAttribute('aria-label', 'Relance');
      const bar = el(doc, 'div', 'assign');
      const select = el(doc, 'select');
      select.addEventListener('change', () => {
        this.email = select.value;
        this.paint();
      });
      const input = el(doc, 'input');
      input.type = 'search';
      input.dataset.relanceField = 'client-search';
      input.placeholder = t('assignSearch');
      input.setAttribute('aria-label', t('assignSearch'));
      input.value = this.query;
      input.addEventListener('input', () => {
        this.query = input.value;
        this.searchSoon();
      });
      const close = actionButton(doc, '');
      close.textContent = t('close');
      close.addEventListener('click', () => this.setOpen(false));
      form = {
        section,
        bar,
        brand: el(doc, 'span', 'brand', 'Relance'),
        prompt: el(doc, 'span', '', t('assignPrompt')),
        select,
        email: el(doc, 'span', 'email'),
        input,
        close,
        list: null,
        listed: null,
      };
      this.form = form;
    }
    const several = emails.length > 1;
    if (several)
      setOptions(
        form.select,
        emails.map((address) => [address, address]),
        this.email,
      );
    form.email.textContent = this.email;
    syncChildren(form.bar, [
      form.brand,
      several ? form.select : form.email,
      form.prompt,
      form.input,
      form.close,
    ]);

    const choices = this.choices;
    if (form.listed !== choices) {
      form.listed = choices;
      form.list = null;
      if (choices?.length === 0) form.list = el(doc, 'p', 'muted', t('assignNone'));
      else if (choices) {
        const list = el(doc, 'ul');
        for (const choice of choices) {
          const pick = actionButton(doc, 'assign-to-client');
          pick.dataset.client = choice.name;
          pick.textContent = choice.name;
          pick.addEventListener('click', () => {
            this.props?.assign(this.email, choice).catch((e: unknown) => {
              this.error = t('failed', { message: messageOf(e) });
              this.paint();
            });
          });
          const item = el(doc, 'li');
          item.append(pick, ' ');
          if (choice.overdueCount > 0) item.append(el(doc, 'span', 'muted', `(${choice.overdueCount})`));
          list.append(item);
        }
        form.list = list;
      }
    }
    let error: HTMLElement | null = null;
    if (this.error) {
      error = el(doc, 'p', 'error', this.error);
      error.setAttribute('role', 'alert');
    }
    syncChildren(form.section, [form.bar, form.list, error]);
    return form.section;
  }
}
