import type { PageContext } from '../http/context';

/** Form fields of the GET filter forms: labelled, and pre-filled with what the URL asked for. */

export function SelectField(props: {
  name: string;
  label: string;
  value: string | undefined;
  emptyLabel: string;
  options: { value: string; label: string }[];
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <select id={id} name={props.name}>
        <option value="">{props.emptyLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function InputField(props: {
  name: string;
  label: string;
  value: string | undefined;
  type?: 'date' | 'search' | 'text';
  placeholder?: string;
}) {
  const id = `f-${props.name}`;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      {props.type === 'date' ? (
        <input id={id} name={props.name} type="date" value={props.value ?? ''} />
      ) : props.type === 'search' ? (
        <input
          id={id}
          name={props.name}
          type="search"
          value={props.value ?? ''}
          placeholder={props.placeholder}
          maxLength={200}
        />
      ) : (
        <input
          id={id}
          name={props.name}
          type="text"
          value={props.value ?? ''}
          placeholder={props.placeholder}
          maxLength={200}
        />
      )}
    </div>
  );
}

/** Submit and reset; the language asked for in the URL travels with the form. */
export function FormButtons({ ctx, resetPath }: { ctx: PageContext; resetPath: string }) {
  return (
    <div class="form-buttons">
      {ctx.explicitLang ? <input type="hidden" name="lang" value={ctx.lang} /> : null}
      <button type="submit">{ctx.t('filterButton')}</button>
      <a href={ctx.href(resetPath)}>{ctx.t('clearFilters')}</a>
    </div>
  );
}
