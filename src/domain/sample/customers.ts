// The customer register: units in several buildings, numbered building-floor-room ('3-1502').
import { enumLabel, Lang, OCCUPANCY, Occupancy } from '../enums';
import { CUSTOMERS } from '../schema';
import type { Cell } from '../grid';
import { Person, personName, phoneNumber } from './people';
import { Random } from './random';
import { columnIndex } from './rows';
import {
  AREA_RANGE,
  HANDOVER_AGE_DAYS,
  MOVE_IN_SKEW,
  OCCUPANCY_SHARE,
  PROPERTY_PRICE_FEN,
  ROOMS_PER_FLOOR,
  UNITS_PER_BUILDING,
} from './tables';
import { BUILDING_LABEL, say } from './text';

export interface UnitRecord {
  readonly unit: string;
  readonly building: number;
  readonly person: Person;
  readonly phone: string;
  /** hundredths of m² */
  readonly areaCm: number;
  /** serial day; null for a vacant unit */
  readonly moveInDay: number | null;
  readonly occupancy: Occupancy;
  /** property fee price of the building, fen per m² per month */
  readonly priceFen: number;
}

/** Units spread over ceil(count / 50) buildings; rooms of the same number share a floor plan. */
export function generateUnits(rng: Random, count: number, lang: Lang, windowStartDay: number): UnitRecord[] {
  const buildings = Math.max(1, Math.ceil(count / UNITS_PER_BUILDING));
  const units: UnitRecord[] = [];
  for (let b = 1; b <= buildings; b++) {
    const inBuilding = Math.floor(count / buildings) + (b <= count % buildings ? 1 : 0);
    const roomsPerFloor = rng.draw(ROOMS_PER_FLOOR);
    const floorPlan = Array.from({ length: roomsPerFloor }, () => rng.int(AREA_RANGE[0], AREA_RANGE[1]));
    const priceFen = rng.draw(PROPERTY_PRICE_FEN);
    const handoverDay = windowStartDay - rng.int(HANDOVER_AGE_DAYS[0], HANDOVER_AGE_DAYS[1]);
    for (let i = 0; i < inBuilding; i++) {
      const floor = Math.floor(i / roomsPerFloor) + 1;
      const room = (i % roomsPerFloor) + 1;
      const occupancy = rng.draw(OCCUPANCY_SHARE);
      units.push({
        unit: `${b}-${floor}${String(room).padStart(2, '0')}`,
        building: b,
        person: personName(rng, lang),
        phone: phoneNumber(rng),
        areaCm: floorPlan[room - 1],
        // move-ins from a month after handover to the day before the sample's window
        moveInDay:
          occupancy === 'vacant'
            ? null
            : handoverDay + 30 + Math.floor((windowStartDay - handoverDay - 31) * Math.pow(rng.float(), MOVE_IN_SKEW)),
        occupancy,
        priceFen,
      });
    }
  }
  return units;
}

const C = columnIndex(CUSTOMERS);

export function customerRows(units: ReadonlyArray<UnitRecord>, lang: Lang): Cell[][] {
  const buildingLabel = say(BUILDING_LABEL, lang);
  return units.map((u) => {
    const row: Cell[] = new Array<Cell>(CUSTOMERS.columns.length).fill(null);
    row[C.unit] = u.unit;
    row[C.name] = u.person.name;
    row[C.phone] = u.phone;
    row[C.building] = buildingLabel.replace('{n}', String(u.building));
    row[C.area] = u.areaCm / 100;
    row[C.moveInDate] = u.moveInDay;
    row[C.occupancy] = enumLabel(OCCUPANCY, u.occupancy, lang);
    return row;
  });
}
