// Timeliness KPIs (docs/kpis.md "Precisely"): on-time response and resolution against each ticket's
// deadline as known at as-of, and the handling time of the tickets resolved in the period. Tickets
// not yet due are left out of on-time rates: a late ticket counts once its deadline has passed.
import { MS_PER_HOUR } from '../time';
import { deadlineAtIn } from '../sla';
import { eachIn, TicketWindow } from './book';
import { HourStats, hourStats, Rate, rateOf } from './measures';

// on-time response 及时响应率: responded within SLA / tickets received whose response is due by period end
export function onTimeResponse(w: TicketWindow): Rate {
  let num = 0;
  let den = 0;
  const { tickets, clocks } = w.book;
  eachIn(w.book.byReceived, w, (i) => {
    const deadline = deadlineAtIn(clocks.response, i, w.asOf);
    if (Number.isNaN(deadline)) return; // praise: no response SLA
    const respondedAt = tickets[i].firstResponseAt;
    const responded = respondedAt !== null && respondedAt <= w.asOf;
    if (!responded && !(deadline <= w.asOf)) return; // not yet due
    den++;
    if (responded && respondedAt <= deadline) num++;
  });
  return rateOf(num, den);
}

// on-time resolution 及时办结率: resolved within SLA / tickets whose resolution is due by period end (rejected and praise excluded)
export function onTimeResolution(w: TicketWindow): Rate {
  let num = 0;
  let den = 0;
  const { tickets, clocks } = w.book;
  eachIn(w.book.byReceived, w, (i) => {
    const t = tickets[i];
    if (t.status === 'rejected') return;
    const deadline = deadlineAtIn(clocks.resolution, i, w.asOf);
    if (Number.isNaN(deadline)) return; // praise or no type: no resolution SLA
    const resolved = t.resolvedAt !== null && t.resolvedAt <= w.asOf;
    if (!resolved && !(deadline <= w.asOf)) return;
    den++;
    if (resolved && t.resolvedAt! <= deadline) num++;
  });
  return rateOf(num, den);
}

// resolution time 处理时长: mean, median and 90th percentile hours, tickets resolved in the period (center's clock, minus hold)
export function resolutionHours(w: TicketWindow): HourStats {
  const hours: number[] = [];
  eachIn(w.book.byResolved, w, (i) => {
    const ms = w.book.resolutionMs[i];
    if (!Number.isNaN(ms)) hours.push(ms / MS_PER_HOUR);
  });
  return hourStats(hours);
}
