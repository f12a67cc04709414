export default defineBackground(() => {
  // Filled in by the extension core (issue 4).
});
