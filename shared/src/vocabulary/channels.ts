/** How a reminder or letter went out. */
export const CHANNELS = [
  'email',
  'gmail',
  'outlook',
  'mailto',
  'phone',
  'letter',
  'registered-letter',
  'print',
  'copy',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];
