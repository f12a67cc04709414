/** The title bar shared by the overlay's panels: the title and the close button. */
export function PanelHeader(props: { title: string; closeLabel: string; onClose: () => void }) {
  return (
    <header>
      <h2>{props.title}</h2>
      <button
        type="button"
        class="close"
        aria-label={props.closeLabel}
        data-relance-action="close"
        onClick={props.onClose}
      >
        ×
      </button>
    </header>
  );
}
