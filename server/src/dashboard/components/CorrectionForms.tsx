import type { PageContext } from '../http/context';
import { correctionWords } from '../i18n/corrections';

/** Where the forms post (see handlers/corrections.tsx). */
const ACTION = '/corrections';

/**
 * The client page's correction forms: merge this client into another, delete it, merge two of its
 * invoices, delete one. Plain forms (the dashboard runs no script); each asks for a ticked
 * confirmation, checked again by the server.
 */
export function CorrectionForms(props: {
  ctx: PageContext;
  clientId: string;
  name: string;
  invoices: { id: string; number: string }[];
  otherClients: { id: string; name: string }[];
  done?: 'merge' | 'delete' | undefined;
}) {
  const { ctx, clientId, name, invoices, otherClients } = props;
  const w = correctionWords(ctx.lang);
  const action = ctx.href(ACTION);
  const hidden = (fields: Record<string, string>) =>
    Object.entries(fields).map(([key, value]) => <input key={key} type="hidden" name={key} value={value} />);
  const confirm = (id: string, text: string) => (
    <p>
      <input type="checkbox" id={id} name="confirm" value="yes" required /> <label for={id}>{text}</label>
    </p>
  );
  const invoiceOptions = invoices.map((i) => (
    <option key={i.id} value={i.id}>
      {i.number}
    </option>
  ));
  return (
    <section class="panel corrections" aria-labelledby="corrections-title">
      <h2 id="corrections-title">{w('correctTitle')}</h2>
      {props.done ? (
        <p role="status" data-corrected={props.done}>
          {w(props.done === 'merge' ? 'correctedMerge' : 'correctedDelete')}
        </p>
      ) : null}
      <p class="muted">{w('correctIntro')}</p>

      <form method="post" action={action} data-correction="merge-client">
        {hidden({ action: 'merge', kind: 'client', id: clientId, back: clientId })}
        <fieldset>
          <legend>{w('mergeClientLegend')}</legend>
          {otherClients.length === 0 ? (
            <p>{w('noOtherClient')}</p>
          ) : (
            <>
              <p>
                <label for="merge-client-into">{w('mergeClientInto')}</label>{' '}
                <select id="merge-client-into" name="into" required>
                  {otherClients.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.name}
                    </option>
                  ))}
                </select>
              </p>
              {confirm('merge-client-confirm', w('mergeClientConfirm', { name }))}
              <button type="submit">{w('mergeButton')}</button>
            </>
          )}
        </fieldset>
      </form>

      <form method="post" action={action} data-correction="delete-client">
        {hidden({ action: 'delete', kind: 'client', id: clientId, back: clientId })}
        <fieldset>
          <legend>{w('deleteClientLegend')}</legend>
          {confirm('delete-client-confirm', w('deleteClientConfirm', { name, count: invoices.length }))}
          <button type="submit">{w('deleteButton')}</button>
        </fieldset>
      </form>

      {invoices.length >= 2 ? (
        <form method="post" action={action} data-correction="merge-invoice">
          {hidden({ action: 'merge', kind: 'invoice', back: clientId })}
          <fieldset>
            <legend>{w('mergeInvoiceLegend')}</legend>
            <p>
              <label for="merge-invoice-id">{w('mergeInvoiceFrom')}</label>{' '}
              <select id="merge-invoice-id" name="id" required>
                {invoiceOptions}
              </select>{' '}
              <label for="merge-invoice-into">{w('mergeInvoiceInto')}</label>{' '}
              <select id="merge-invoice-into" name="into" required>
                {invoiceOptions}
              </select>
            </p>
            {confirm('merge-invoice-confirm', w('mergeInvoiceConfirm'))}
            <button type="submit">{w('mergeButton')}</button>
          </fieldset>
        </form>
      ) : null}

      {invoices.length >= 1 ? (
        <form method="post" action={action} data-correction="delete-invoice">
          {hidden({ action: 'delete', kind: 'invoice', back: clientId })}
          <fieldset>
            <legend>{w('deleteInvoiceLegend')}</legend>
            <p>
              <label for="delete-invoice-id">{w('deleteInvoiceWhich')}</label>{' '}
              <select id="delete-invoice-id" name="id" required>
                {invoiceOptions}
              </select>
            </p>
            {confirm('delete-invoice-confirm', w('deleteInvoiceConfirm'))}
            <button type="submit">{w('deleteButton')}</button>
          </fieldset>
        </form>
      ) : null}
    </section>
  );
}
