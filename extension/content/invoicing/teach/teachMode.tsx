import { formatDate, formatMoney } from '@relance/shared/format';
import type { Language } from '@relance/shared/vocabulary';
import { FloatingPanel, PANEL_CSS } from '../../shared/floating';
import { guard, guardAsync } from '../../shared/guard';
import { isOurElement } from '../../shared/shadowHost';
import {
  OPTIONAL_FIELDS,
  REQUIRED_FIELDS,
  readTaughtRow,
  type TaughtField,
  type TaughtMapping,
} from '../adapters/taught';
import type { ReadContext } from '../adapters/types';
import { type OverlayTranslator, overlayTranslator } from '../strings';
import { documentSelector, relativeSelector, rowOfPicks, rowSelectorFor } from './selectors';

/** The four fields every invoice needs, then two optional ones (status, amount left to pay). */
const FIELDS: TaughtField[] = [...REQUIRED_FIELDS, ...OPTIONAL_FIELDS];
const REQUIRED = REQUIRED_FIELDS.length;
const TEACH_CSS = `${PANEL_CSS}
:host { top: auto; bottom: 16px; }
.outline { position: fixed; pointer-events: none; border: 2px solid #2563eb; background: rgba(37,99,235,.08);
  border-radius: 3px; z-index: 2147483647; }
.picked { border-color: #16a34a; background: rgba(22,163,74,.10); }
`;

export interface TeachModeOptions {
  doc: Document;
  lang: Language;
  readContext: () => ReadContext;
  /** Saves the mapping for this host (through the background) and starts using it. */
  save: (mapping: TaughtMapping) => Promise<void>;
}

/**
 * The "teach" mode: the user clicks the invoice number, the client, the amount and the due date of
 * one row; Relance derives selectors for rows and fields, shows what it reads with them, and saves
 * the mapping for the host. While it runs, clicks on the page pick elements instead of acting.
 */
export class TeachMode {
  private readonly panel: FloatingPanel;
  private readonly t: OverlayTranslator;
  /** One per field picked, in FIELDS order; null for an optional field skipped. */
  private picks: (Element | null)[] = [];
  private hovered: Element | null = null;
  private listeners: AbortController | null = null;
  private mapping: TaughtMapping | null = null;
  private message: { kind: 'ok' | 'error'; text: string } | null = null;

  constructor(private readonly options: TeachModeOptions) {
    this.panel = new FloatingPanel(options.doc, 'relance-teach', TEACH_CSS);
    this.t = overlayTranslator(options.lang);
  }

  get active(): boolean {
    return this.listeners !== null;
  }

  start(): void {
    this.reset();
    if (!this.listeners) {
      this.listeners = new AbortController();
      const options = { capture: true, signal: this.listeners.signal };
      const doc = this.options.doc;
      doc.addEventListener(
        'click',
        guard('teach.click', (e: MouseEvent) => this.onClick(e)),
        options,
      );
      for (const type of ['mousedown', 'mouseup', 'pointerdown', 'pointerup', 'dblclick', 'submit']) {
        doc.addEventListener(
          type,
          guard('teach.block', (e: Event) => this.block(e)),
          options,
        );
      }
      doc.addEventListener(
        'mouseover',
        guard('teach.hover', (e: MouseEvent) => this.onHover(e)),
        options,
      );
    }
    this.render();
  }

  stop(): void {
    this.listeners?.abort();
    this.listeners = null;
    this.panel.close();
  }

  private reset(): void {
    this.picks = [];
    this.mapping = null;
    this.message = null;
    this.hovered = null;
  }

  /** Events inside our own UI go on; on the page, picking replaces the page's own behaviour. */
  private fromOurUi(event: Event): boolean {
    return event.composedPath().some((node) => node instanceof Element && isOurElement(node));
  }

  private pageTarget(event: Event): Element | null {
    const target = event.composedPath()[0];
    if (!(target instanceof Element)) return (event.target as Node | null)?.parentElement ?? null;
    return target;
  }

  private block(event: Event): void {
    if (this.picks.length >= FIELDS.length || this.fromOurUi(event)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
  }

  private onHover(event: MouseEvent): void {
    if (this.picks.length >= FIELDS.length || this.fromOurUi(event)) return;
    this.hovered = this.pageTarget(event);
    this.render();
  }

  private onClick(event: MouseEvent): void {
    if (this.fromOurUi(event) || this.picks.length >= FIELDS.length) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    const target = this.pageTarget(event);
    if (!target) return;
    this.picks.push(target);
    this.hovered = null;
    if (this.picks.length >= REQUIRED) this.derive();
    this.render();
  }

  /** Skips the optional field asked for now (status, amount due). */
  private skip(): void {
    if (this.picks.length < REQUIRED || this.picks.length >= FIELDS.length) return;
    this.picks.push(null);
    this.render();
  }

  /**
   * Turns the picks into a mapping and checks that it reads as an invoice: the row of a list when
   * the picks share one, else an invoice page's fields (selectors from the document).
   */
  private derive(): void {
    const doc = this.options.doc;
    const picked = this.picks.filter((el): el is Element => el !== null);
    const row = rowOfPicks(picked);
    const isPage =
      !row ||
      row === doc.body ||
      row.matches('main, [role=main], form, article') ||
      row.contains(doc.querySelector('h1'));
    const selectorOf = (el: Element) => (isPage || !row ? documentSelector(el) : relativeSelector(row, el));
    const fields = Object.fromEntries(
      FIELDS.flatMap((field, i) => (this.picks[i] ? [[field, selectorOf(this.picks[i]!)]] : [])),
    ) as TaughtMapping['fields'];
    const mapping: TaughtMapping = {
      host: doc.location?.host ?? '',
      ...(isPage || !row ? {} : { rowSelector: rowSelectorFor(row) }),
      fields,
    };
    const scope = row ?? doc.body;
    const reading = readTaughtRow(scope, mapping, this.options.readContext());
    if (!reading) {
      this.message = { kind: 'error', text: this.t('teachUnreadable') };
      return;
    }
    const lang = this.options.lang;
    this.mapping = mapping;
    this.message = {
      kind: 'ok',
      text: this.t('teachPreview', {
        count: mapping.rowSelector ? doc.querySelectorAll(mapping.rowSelector).length : 1,
        number: reading.number,
        client: reading.clientName,
        amount: formatMoney(reading.amountDueCents, reading.currency, lang),
        date: formatDate(reading.dueDate, lang),
      }),
    };
  }

  private async save(): Promise<void> {
    const mapping = this.mapping;
    if (!mapping) return;
    const saved = await guardAsync('teach.save', async () => {
      await this.options.save(mapping);
      return true;
    });
    if (saved) {
      this.stop();
    } else {
      this.message = { kind: 'error', text: this.t('failed', { message: 'save' }) };
      this.render();
    }
  }

  private outline(el: Element | null, picked: boolean) {
    if (!el) return null;
    const r = el.getBoundingClientRect();
    return (
      <div
        class={picked ? 'outline picked' : 'outline'}
        style={{
          left: `${r.left - 2}px`,
          top: `${r.top - 2}px`,
          width: `${r.width + 4}px`,
          height: `${r.height + 4}px`,
        }}
      />
    );
  }

  private render(): void {
    const t = this.t;
    const step = this.picks.length;
    const fieldName = [
      t('teachNumber'),
      t('teachClient'),
      t('teachAmount'),
      t('teachDueDate'),
      t('teachStatus'),
      t('teachAmountDue'),
    ][step];
    const optional = step >= REQUIRED;
    this.panel.show(
      <>
        {this.picks.map((el) => el && this.outline(el, true))}
        {this.outline(this.hovered, false)}
        <div class="panel" role="dialog" aria-label={t('teachTitle')} data-relance-part="teach">
          <header>
            <h2>{t('teachTitle')}</h2>
            <button type="button" class="close" aria-label={t('close')} onClick={() => this.stop()}>
              ×
            </button>
          </header>
          <section>
            {fieldName && (
              <p data-teach-step={FIELDS[step]}>
                {optional
                  ? t('teachOptionalStep', { field: fieldName })
                  : `${step + 1}/${REQUIRED} · ${t('teachStep', { field: fieldName })}`}
              </p>
            )}
            {this.message && (
              <p class={this.message.kind} role="status">
                {this.message.text}
              </p>
            )}
            <div class="row">
              {this.mapping && (
                <button
                  type="button"
                  class="primary"
                  data-relance-action="teach-save"
                  onClick={() => void this.save()}
                >
                  {t('save')}
                </button>
              )}
              {optional && fieldName && (
                <button type="button" data-relance-action="teach-skip" onClick={() => this.skip()}>
                  {t('teachSkip')}
                </button>
              )}
              <button
                type="button"
                data-relance-action="teach-restart"
                onClick={() => {
                  this.reset();
                  this.render();
                }}
              >
                {t('restart')}
              </button>
              <button type="button" onClick={() => this.stop()}>
                {t('cancel')}
              </button>
            </div>
          </section>
        </div>
      </>,
    );
  }
}
