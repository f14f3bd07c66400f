import { regionsToAreas, type BodyRegion } from './body';
import type { ClinicalArea } from '@/lib/domain/areas';
import type { Urgency } from '@/lib/domain/case';

export interface RoutingClinician {
  id: string;
  areas: ClinicalArea[];
  capacity: number;
  openCases: number;
  active: boolean;
  onCall: boolean;
}

export interface RoutingCase {
  regions: readonly BodyRegion[];
  urgency: Urgency;
}

const room = (c: RoutingClinician): number => c.capacity - c.openCases;

/** Most free capacity first, then fewest open cases, then id ascending: deterministic for any input order. */
function byFreeCapacity(a: RoutingClinician, b: RoutingClinician): number {
  return room(b) - room(a) || a.openCases - b.openCases || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function best(candidates: RoutingClinician[]): string | null {
  if (candidates.length === 0) return null;
  return [...candidates].sort(byFreeCapacity)[0].id;
}

/**
 * Picks the clinician for a new case, or null for the shared pool.
 * - Emergency → the active on-call clinician (capacity is ignored: an emergency is never left in the pool while
 *   someone is on call). Without one, falls through to the normal rule.
 * - Otherwise: active, open cases below capacity, covering every area of the case; when nobody covers all of them,
 *   those covering the primary (first) region's area. Most free capacity wins.
 */
export function routeCase(kase: RoutingCase, clinicians: readonly RoutingClinician[]): string | null {
  const active = clinicians.filter((c) => c.active);
  if (kase.urgency === 'emergency') {
    const onCall = best(active.filter((c) => c.onCall));
    if (onCall !== null) return onCall;
  }
  const areas = regionsToAreas(kase.regions);
  if (areas.length === 0) return null;
  const withRoom = active.filter((c) => c.openCases < c.capacity);
  const coversAll = withRoom.filter((c) => areas.every((a) => c.areas.includes(a)));
  if (coversAll.length > 0) return best(coversAll);
  const primary = areas[0];
  return best(withRoom.filter((c) => c.areas.includes(primary)));
}
