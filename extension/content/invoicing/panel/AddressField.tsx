/** The client's postal address, several lines: asked in the notes panel and before a letter. */
export function AddressField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <>
      <label for={props.id}>{props.label}</label>
      <textarea
        id={props.id}
        data-relance-field="client-address"
        rows={3}
        value={props.value}
        onInput={(e) => props.onInput((e.currentTarget as HTMLTextAreaElement).value)}
      />
    </>
  );
}
