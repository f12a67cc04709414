import type { CollectionsFile } from '@relance/shared';
import type { OverlayTranslator } from '../strings';

/**
 * The legal stage's collections file (dossier de recouvrement), shown in the reminder dialog in
 * place of a message: warnings, claims, checklist, history and the court form's data. It is for
 * the team; the dialog offers to print or export it, never to send it to the client.
 */
export function CollectionsFileView(props: {
  file: CollectionsFile;
  t: OverlayTranslator;
  onPrint: () => void;
  onExport: () => void;
}) {
  const { file, t } = props;
  return (
    <div data-relance-part="collections-file">
      <p class="muted">{t('collectionsIntro')}</p>
      {file.warnings.map((warning) => (
        <p class="warning" key={warning} data-relance-part="collections-warning">
          {warning}
        </p>
      ))}
      <h3>{t('collectionsClaims')}</h3>
      <dl class="facts">
        {file.totals.map((total) => (
          <div key={total.label}>
            <dt>{total.label}</dt>
            <dd>{total.value}</dd>
          </div>
        ))}
      </dl>
      <h3>{t('collectionsChecklist')}</h3>
      <ul class="checklist">
        {file.checklist.map((item) => (
          <li key={item.text} data-done={String(item.done)}>
            {item.done === true ? '☑' : item.done === false ? '⚠' : '☐'} {item.text}
          </li>
        ))}
      </ul>
      <h3>{t('collectionsForm')}</h3>
      <dl class="facts">
        {file.courtForm.map((field) => (
          <div key={field.label}>
            <dt>{field.label}</dt>
            <dd>{field.value}</dd>
          </div>
        ))}
      </dl>
      {file.timeline.length > 0 && (
        <>
          <h3>{t('collectionsTimeline')}</h3>
          <ol class="timeline">
            {file.timeline.map((line, i) => (
              <li key={i}>
                {line.date} · {line.text}
              </li>
            ))}
          </ol>
        </>
      )}
      <div class="row">
        <button
          type="button"
          class="primary"
          data-relance-action="print-collections-file"
          onClick={props.onPrint}
        >
          {t('printCollections')}
        </button>
        <button type="button" data-relance-action="export-collections-file" onClick={props.onExport}>
          {t('exportCollections')}
        </button>
      </div>
    </div>
  );
}
