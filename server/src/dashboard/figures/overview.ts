import type { TeamSnapshot } from '../queries/snapshot';
import { type OpenDispute, openDisputes } from './disputes';
import { type Dso, daysSalesOutstanding } from './dso';
import { evaluateInvoices, type InvoiceFigure } from './evaluate';
import { type FormalNoticeEntry, invoicesAtFormalNotice } from './formalNotices';
import { type OverdueSummary, overdueSummaries } from './overdue';
import { type PromiseDue, promisesDueThisWeek } from './promises';
import { invoicesPerStage, type StageTotal } from './stages';
import { weekOf } from './week';

/** Every figure of the overview page, computed from one snapshot of the team. */
export interface Overview {
  today: string;
  week: { start: string; end: string };
  figures: InvoiceFigure[];
  overdue: OverdueSummary[];
  dso: Dso[];
  stages: StageTotal[];
  promises: PromiseDue[];
  disputes: OpenDispute[];
  formalNotices: FormalNoticeEntry[];
}

export function buildOverview(snapshot: TeamSnapshot): Overview {
  const figures = evaluateInvoices(snapshot);
  return {
    today: snapshot.today,
    week: weekOf(snapshot.today),
    figures,
    overdue: overdueSummaries(figures),
    dso: daysSalesOutstanding(figures, snapshot.today),
    stages: invoicesPerStage(figures, snapshot.settings.schedule),
    promises: promisesDueThisWeek(snapshot, figures),
    disputes: openDisputes(snapshot, figures),
    formalNotices: invoicesAtFormalNotice(snapshot, figures),
  };
}
