import { addMonthsToMonth } from '@app/clock';

export interface DemoFirm {
  id: string;
  regionCode: string;
  industryCode: string;
}

export interface DemoFirmMonth {
  employerId: string;
  regionCode: string;
  industryCode: string;
  month: string;
  enrolmentHeadcount: number;
  previousHeadcount: number;
  headcount: number;
  additions: number;
  reductions: { natural: number; dismissal: number; economic_layoff: number };
}

/** Months of demo history, ending with the month before the demo loads. */
export const DEMO_WARNING_MONTHS = 24;

/**
 * A plausible two-year history for one district that ends at level III (yellow): monitored firms with a tourism
 * season (more leavers May–September, judged year on year), a job-loss rate about 2.5 points above the same month a
 * year before in the last three months (level III on the provisional bands), and a registered unemployment rate that
 * climbs from about 3.6% (level IV from 4% in the second year) to 5.2% (level III). Two signal sources at III for three months: the hysteresis (on after 2)
 * publishes III. Deterministic for a seed; synthetic, not real figures.
 */
export function demoWarningHistory(firms: DemoFirm[], lastMonth: string, seed: number): { firmMonths: DemoFirmMonth[]; rates: { month: string; registeredRate: number; surveyedRate: number }[] } {
  let state = (seed >>> 0) || 1;
  const random = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const first = addMonthsToMonth(lastMonth, -(DEMO_WARNING_MONTHS - 1));
  const firmMonths: DemoFirmMonth[] = [];
  for (const firm of firms) {
    const enrolment = 80 + Math.floor(random() * 320);
    let headcount = enrolment;
    for (let k = 0; k < DEMO_WARNING_MONTHS; k++) {
      const month = addMonthsToMonth(first, k);
      const calendarMonth = Number(month.slice(5, 7));
      const season = calendarMonth >= 5 && calendarMonth <= 9 ? 0.006 : 0;
      const stress = k >= DEMO_WARNING_MONTHS - 3 ? 0.025 : 0;
      const rate = 0.007 + season + stress + random() * 0.002;
      const leaving = Math.round(headcount * rate);
      const economic = stress > 0 ? Math.round(leaving * 0.6) : 0;
      const dismissal = Math.round((leaving - economic) * 0.3);
      const natural = leaving - economic - dismissal;
      const additions = Math.round(headcount * (stress > 0 ? 0.003 : 0.009 + season) * (0.8 + random() * 0.4));
      const previous = headcount;
      headcount = previous + additions - leaving;
      firmMonths.push({
        employerId: firm.id, regionCode: firm.regionCode, industryCode: firm.industryCode, month, enrolmentHeadcount: enrolment, previousHeadcount: previous,
        headcount, additions, reductions: { natural, dismissal, economic_layoff: economic },
      });
    }
  }
  const rates = Array.from({ length: DEMO_WARNING_MONTHS }, (_, k) => {
    const month = addMonthsToMonth(first, k);
    const registeredRate = k >= DEMO_WARNING_MONTHS - 3 ? 5.1 + (k - (DEMO_WARNING_MONTHS - 3)) * 0.05 : 3.6 + (k / DEMO_WARNING_MONTHS) * 0.9;
    return { month, registeredRate: Math.round(registeredRate * 100) / 100, surveyedRate: Math.round((registeredRate + 0.9) * 100) / 100 };
  });
  return { firmMonths, rates };
}
