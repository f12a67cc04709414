// The domain's vocabulary, without zod: content scripts and the popup import this (not the schemas),
// so that their bundles stay small; the zod schemas in ../schemas are built from these lists.

export * from './activities';
export * from './channels';
export * from './invoices';
export * from './isoDate';
export * from './languages';
export * from './stages';
