import { createTranslator, type Language, type Translator } from '@relance/shared';

/** The words of the correction forms (merge or delete a wrong client or invoice), French first. */
const fr = {
  correctTitle: 'Corriger une erreur de lecture',
  correctIntro:
    "Un client ou une facture en double, ou lu de travers sur le site de facturation : fusionnez-le avec le bon, ou supprimez-le. Chaque poste de l'équipe applique la correction à sa prochaine synchronisation.",
  mergeClientLegend: 'Fusionner ce client avec un autre',
  mergeClientInto: 'Client à garder',
  mergeClientConfirm:
    "Je confirme : les factures, les notes et l'historique de « {name} » passent au client choisi, et « {name} » disparaît.",
  mergeButton: 'Fusionner',
  deleteClientLegend: 'Supprimer ce client',
  deleteClientConfirm:
    "Je confirme : « {name} » n'est pas un client ; il est supprimé avec ses factures ({count}).",
  deleteButton: 'Supprimer',
  mergeInvoiceLegend: 'Fusionner deux factures (la même facture lue deux fois)',
  mergeInvoiceFrom: 'Facture en double',
  mergeInvoiceInto: 'Facture à garder',
  mergeInvoiceConfirm:
    'Je confirme : la facture en double disparaît, ses notes et son historique passent à celle gardée.',
  deleteInvoiceLegend: 'Supprimer une facture',
  deleteInvoiceWhich: 'Facture',
  deleteInvoiceConfirm: "Je confirme : ce n'est pas une facture à relancer ; elle est supprimée.",
  noOtherClient: "Aucun autre client dans l'équipe.",
  correctedMerge: 'Fusion faite : les postes de l’équipe l’appliqueront à leur prochaine synchronisation.',
  correctedDelete:
    'Suppression faite : les postes de l’équipe l’appliqueront à leur prochaine synchronisation.',
  correctionFailedTitle: 'Correction impossible',
  confirmMissing: 'Cochez la case de confirmation pour appliquer la correction.',
  invalidCorrection: 'Cette correction est incomplète : choisissez les deux fiches.',
  unknownRecord: 'Cette fiche n’existe plus (déjà fusionnée ou supprimée ?).',
  recordChanged: 'Une fiche a changé entre-temps : rouvrez la page et recommencez.',
  backToClient: 'Retour à la fiche client',
};

const en: Record<keyof typeof fr, string> = {
  correctTitle: 'Correct a reading error',
  correctIntro:
    'A client or an invoice that is a duplicate, or was misread on the invoicing site: merge it into the right one, or delete it. Every install of the team applies the correction at its next sync.',
  mergeClientLegend: 'Merge this client into another',
  mergeClientInto: 'Client to keep',
  mergeClientConfirm:
    'I confirm: the invoices, notes and history of “{name}” move to the chosen client, and “{name}” goes away.',
  mergeButton: 'Merge',
  deleteClientLegend: 'Delete this client',
  deleteClientConfirm: 'I confirm: “{name}” is not a client; it is deleted with its invoices ({count}).',
  deleteButton: 'Delete',
  mergeInvoiceLegend: 'Merge two invoices (the same invoice read twice)',
  mergeInvoiceFrom: 'Duplicate invoice',
  mergeInvoiceInto: 'Invoice to keep',
  mergeInvoiceConfirm:
    'I confirm: the duplicate invoice goes away; its notes and history move to the one kept.',
  deleteInvoiceLegend: 'Delete an invoice',
  deleteInvoiceWhich: 'Invoice',
  deleteInvoiceConfirm: 'I confirm: this is not an invoice to chase; it is deleted.',
  noOtherClient: 'No other client in the team.',
  correctedMerge: 'Merged: the team’s installs apply it at their next sync.',
  correctedDelete: 'Deleted: the team’s installs apply it at their next sync.',
  correctionFailedTitle: 'Correction not possible',
  confirmMissing: 'Tick the confirmation box to apply the correction.',
  invalidCorrection: 'This correction is incomplete: choose both records.',
  unknownRecord: 'This record no longer exists (already merged or deleted?).',
  recordChanged: 'A record changed meanwhile: open the page again and retry.',
  backToClient: 'Back to the client',
};

export type CorrectionWord = keyof typeof fr;
export type CorrectionT = Translator<CorrectionWord>;

export function correctionWords(lang: Language): CorrectionT {
  return createTranslator<CorrectionWord>({ fr, en }, lang);
}
