import { buildExtensionIfStale } from './build';

/** Vitest global setup of the e2e project: the tests drive the built extension. */
export default function setup() {
  buildExtensionIfStale();
}
