// The sample's distributions, as data: what share of tickets is of each type, which categories each
// type falls in, which department handles a category, how fast the desk responds and resolves.
import {
  Channel,
  DEFAULT_CATEGORIES,
  DEFAULT_DEPARTMENTS,
  DEFAULT_FEE_ITEMS,
  Occupancy,
  Priority,
  ReminderMethod,
  Satisfaction,
  TicketType,
} from '../enums';
import { Weighted, weighted } from './random';

export type CategoryKey = (typeof DEFAULT_CATEGORIES)[number]['key'];
export type DepartmentKey = (typeof DEFAULT_DEPARTMENTS)[number]['key'];
export type FeeItemKey = (typeof DEFAULT_FEE_ITEMS)[number]['key'];

/** minutes */
export type Range = readonly [number, number];
const HOUR = 60;
const DAY = 1440;

// ---- customers ----------------------------------------------------------------------------------

export const UNITS_PER_BUILDING = 50;
export const ROOMS_PER_FLOOR = weighted<number>([
  [2, 5],
  [3, 2],
  [4, 3],
]);
/** hundredths of m² */
export const AREA_RANGE: Range = [6000, 16000];
export const OCCUPANCY_SHARE = weighted<Occupancy>([
  ['occupied', 78],
  ['let', 16],
  ['vacant', 6],
]);
/** days before the window start that a building was handed over */
export const HANDOVER_AGE_DAYS: Range = [2 * 365, 10 * 365];
/** most owners move in within a year or two of handover: the move-in delay is span × u^skew */
export const MOVE_IN_SKEW = 2.5;
export const LANDLINE_SHARE = 0.06;
export const MOBILE_PREFIXES = [
  '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '158', '159', '166', '177',
  '180', '181', '186', '187', '188', '189', '199',
] as const;
export const LANDLINE_AREA = '021';

// ---- tickets ------------------------------------------------------------------------------------

/** tickets per unit per 6 months when the count is not given */
export const TICKETS_PER_UNIT_PER_6_MONTHS = 3;

export const TYPE_SHARE = weighted<TicketType>([
  ['repair', 45],
  ['inquiry', 25],
  ['complaint', 18],
  ['suggestion', 7],
  ['praise', 5],
]);

export const CHANNEL_SHARE = weighted<Channel>([
  ['phone', 56],
  ['visit', 20],
  ['online', 16],
  ['letter', 3],
  ['email', 3],
  ['other', 2],
]);

export const CATEGORY_BY_TYPE: Record<TicketType, Weighted<CategoryKey>> = {
  repair: weighted<CategoryKey>([
    ['repairs', 88],
    ['security', 5],
    ['parking', 4],
    ['landscaping', 3],
  ]),
  complaint: weighted<CategoryKey>([
    ['noise', 20],
    ['parking', 18],
    ['cleaning', 15],
    ['attitude', 12],
    ['fees', 10],
    ['security', 10],
    ['repairs', 9],
    ['landscaping', 4],
    ['other', 2],
  ]),
  inquiry: weighted<CategoryKey>([
    ['fees', 40],
    ['other', 25],
    ['parking', 15],
    ['repairs', 8],
    ['security', 7],
    ['cleaning', 5],
  ]),
  suggestion: weighted<CategoryKey>([
    ['landscaping', 22],
    ['parking', 20],
    ['security', 18],
    ['cleaning', 18],
    ['other', 22],
  ]),
  praise: weighted<CategoryKey>([
    ['repairs', 35],
    ['attitude', 25],
    ['security', 20],
    ['cleaning', 20],
  ]),
};

export const DEPARTMENT_BY_CATEGORY: Record<CategoryKey, DepartmentKey> = {
  repairs: 'engineering',
  cleaning: 'environment',
  landscaping: 'environment',
  security: 'security',
  parking: 'security',
  fees: 'finance',
  noise: 'service',
  attitude: 'service',
  other: 'service',
};

export const STAFF_PER_DEPARTMENT: Range = [3, 6];

/** priority is filled for repairs and complaints only */
export const PRIORITY_BY_TYPE: Partial<Record<TicketType, Weighted<Priority>>> = {
  repair: weighted<Priority>([
    ['urgent', 7],
    ['high', 18],
    ['normal', 65],
    ['low', 10],
  ]),
  complaint: weighted<Priority>([
    ['high', 20],
    ['normal', 80],
  ]),
};

/** docs/sheets.md "Rules": resolution SLA hours (a rules module owns the live copy; these are defaults) */
export const RESOLUTION_SLA_HOURS: Record<TicketType, number> = {
  complaint: 72,
  repair: 72,
  inquiry: 24,
  suggestion: 168,
  praise: 24,
};
export const REPAIR_SLA_HOURS: Record<Priority, number> = { urgent: 24, high: 48, normal: 72, low: 168 };

/** receipt: weekends are quieter; hours of the day weighted to the desk's 8–20 h */
export const WEEKEND_DAY_WEIGHT = 0.75;
export const HOUR_WEIGHTS: ReadonlyArray<number> = [
  0.2, 0.1, 0.1, 0.1, 0.1, 0.2, 0.4, 1.5, 6, 9, 10, 9, 6, 7, 9, 9, 8, 7, 5, 4, 3, 2, 1, 0.5,
];
export const DESK_HOURS: Range = [8, 20];
/** night tickets are answered the next morning from 08:00 plus this many minutes */
export const MORNING_PICKUP: Range = [0, 90];

/** first response after receipt during desk hours, minutes; the last row is late (> 24 h) */
export const RESPONSE_DELAY = weighted<Range>([
  [[5, 30], 40],
  [[30, 2 * HOUR], 30],
  [[2 * HOUR, 8 * HOUR], 18],
  [[8 * HOUR, 20 * HOUR], 9],
  [[25 * HOUR, 48 * HOUR], 3],
]);

/** share of tickets resolved after their deadline */
export const LATE_RESOLUTION_SHARE = 0.09;
/** an on-time resolution takes this fraction of the SLA, skewed early by the exponent */
export const ON_TIME_FRACTION = { min: 0.04, span: 0.9, skew: 1.3 } as const;
/** a late one overruns the SLA by this fraction */
export const LATE_FRACTION: Range = [1.05, 2.3];
/** inquiries answered on the call itself */
export const INQUIRY_ANSWERED_AT_ONCE = 0.6;

export const AGREED_DUE_SHARE = 0.1; // repairs waiting on parts or the owner's schedule
export const AGREED_DUE_DAYS: Range = [2, 7];
export const HOLD_SHARE = 0.08; // repairs and complaints
export const HOLD_LENGTH = weighted<Range>([
  [[6 * HOUR, 3 * DAY], 70],
  [[3 * DAY, 20 * DAY], 30],
]);

export const REJECTED_COMPLAINT_SHARE = 0.08;
export const REPEAT_COMPLAINT_SHARE = 0.05;
export const REPEAT_WINDOW_MINUTES = 30 * DAY;

/** complaints and repairs called back, days after resolution, within 09–18 h */
export const CALLBACK_SHARE = 0.88;
export const CALLBACK_DAY_OFFSET = weighted<number>([
  [0, 30],
  [1, 35],
  [2, 20],
  [3, 10],
  [5, 5],
]);
export const CALLBACK_HOURS: Range = [9, 18];
/** a called-back ticket is closed after a few quiet days */
export const CLOSE_AFTER_CALLBACK_DAYS = 3;
export const CLOSE_SHARE_AFTER_CALLBACK = 0.6;

export const SATISFACTION_ON_TIME = weighted<Satisfaction>([
  ['satisfied', 78],
  ['fairlySatisfied', 16],
  ['dissatisfied', 6],
]);
export const SATISFACTION_LATE = weighted<Satisfaction>([
  ['satisfied', 45],
  ['fairlySatisfied', 30],
  ['dissatisfied', 25],
]);

/** tickets with no unit: walk-in inquirers, passers-by */
export const NO_UNIT_SHARE: Partial<Record<TicketType, number>> = { inquiry: 0.25, suggestion: 0.1 };
/** the customer of record calls, or a family member or tenant */
export const CONTACT_IS_CUSTOMER = 0.72;
/** a few households call far more often than the rest */
export const FREQUENT_CALLER_UNITS = 0.1;
export const FREQUENT_CALLER_SHARE = 0.25;

// ---- charges ------------------------------------------------------------------------------------

export const DUE_DAY_OF_MONTH = 15;
/** fen per m² per month, one price per building */
export const PROPERTY_PRICE_FEN = weighted<number>([
  [250, 3],
  [280, 5],
  [320, 2],
]);
export const PARKING_SHARE = 0.4;
export const PARKING_FEE_FEN = weighted<number>([
  [15000, 3],
  [30000, 4],
  [35000, 3],
]);
export const WATER_SHARE = 0.88;
export const WATER_TONS: Range = [3, 25];
export const WATER_FEN_PER_TON = 520;
export const FEE_ITEMS_BILLED: ReadonlyArray<FeeItemKey> = ['property', 'parking', 'water'];

export type PayerProfile = 'punctual' | 'late' | 'partial' | 'chronic';
export const PAYER_PROFILE = weighted<Exclude<PayerProfile, 'chronic'>>([
  ['punctual', 80],
  ['late', 16],
  ['partial', 4],
]);
/** units that stopped paying: this share of billed units, at least one */
export const CHRONIC_DEBTOR_SHARE = 0.02;
/** the period index (from the first) in which a chronic debtor stops paying */
export const CHRONIC_STOP_PERIOD: Range = [0, 2];
/** punctual payers pay between the 1st and the due date, now and then a few days late */
export const PUNCTUAL_ON_TIME = 0.93;
export const PUNCTUAL_SLIP_DAYS: Range = [1, 12];
export const LATE_ON_TIME = 0.45;
export const LATE_DAYS: Range = [5, 50];
export const PARTIAL_MONTH_SHARE = 0.5;
export const PARTIAL_FRACTION: Range = [30, 70]; // percent, rounded to whole yuan

// ---- reminders ----------------------------------------------------------------------------------

/** docs/sheets.md "Dunning levels": from 15, 45 and 90 days overdue */
export const DUNNING_FROM_DAYS: ReadonlyArray<number> = [15, 45, 90];
export const REMINDER_CHECK_EVERY_DAYS: Range = [6, 9];
export const REMINDER_REPEAT_AFTER_DAYS = 30;
export const REMINDER_METHOD_BY_LEVEL: ReadonlyArray<Weighted<ReminderMethod>> = [
  weighted<ReminderMethod>([
    ['phone', 60],
    ['sms', 40],
  ]),
  weighted<ReminderMethod>([
    ['phone', 40],
    ['visit', 40],
    ['sms', 20],
  ]),
  weighted<ReminderMethod>([
    ['written', 60],
    ['visit', 40],
  ]),
];
/** a unit that will pay within this many days promised to */
export const PROMISE_HORIZON_DAYS = 30;
/** an unpaying unit that nevertheless promised (and broke it) */
export const BROKEN_PROMISE_SHARE = 0.2;
export const BROKEN_PROMISE_DAYS: Range = [5, 15];

export const CLERK_COUNT: Range = [4, 12];
