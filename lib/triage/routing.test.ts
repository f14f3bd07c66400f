import { describe, expect, it } from 'vitest';
import { routeCase, type RoutingClinician } from '@/lib/triage';

const spine: RoutingClinician = { id: 'clinician', areas: ['neck', 'upper_back', 'mid_back', 'low_back'], capacity: 10, openCases: 2, active: true, onCall: false };
const limbs: RoutingClinician = { id: 'clinician2', areas: ['shoulder', 'hip', 'knee', 'ankle_foot'], capacity: 10, openCases: 2, active: true, onCall: false };
const lead: RoutingClinician = { id: 'lead', areas: ['neck', 'upper_back', 'mid_back', 'low_back', 'shoulder'], capacity: 5, openCases: 4, active: true, onCall: true };

describe('routeCase', () => {
  it('sends a case to the clinician covering its areas', () => {
    expect(routeCase({ regions: ['upper_back_right'], urgency: 'routine' }, [spine, limbs])).toBe('clinician');
    expect(routeCase({ regions: ['knee_left'], urgency: 'urgent' }, [spine, limbs])).toBe('clinician2');
  });

  it('prefers whoever covers every area, then the most free capacity', () => {
    const both = { regions: ['neck', 'shoulder_left'] as const, urgency: 'routine' as const };
    expect(routeCase({ ...both, regions: [...both.regions] }, [spine, limbs, lead])).toBe('lead');
    expect(routeCase({ regions: ['low_back'], urgency: 'routine' }, [spine, { ...lead, openCases: 0, capacity: 20 }])).toBe('lead');
  });

  it('falls back to clinicians covering the primary region when nobody covers all', () => {
    expect(routeCase({ regions: ['knee_right', 'neck'], urgency: 'routine' }, [spine, limbs])).toBe('clinician2');
    expect(routeCase({ regions: ['neck', 'knee_right'], urgency: 'routine' }, [spine, limbs])).toBe('clinician');
  });

  it('skips clinicians who are full or inactive', () => {
    expect(routeCase({ regions: ['low_back'], urgency: 'routine' }, [{ ...spine, openCases: 10 }, lead])).toBe('lead');
    expect(routeCase({ regions: ['low_back'], urgency: 'routine' }, [{ ...spine, active: false }, { ...lead, openCases: 5 }])).toBeNull();
  });

  it('returns null (shared pool) when nobody is eligible', () => {
    expect(routeCase({ regions: ['wrist_hand_left'], urgency: 'routine' }, [spine, limbs])).toBeNull();
    expect(routeCase({ regions: ['low_back'], urgency: 'routine' }, [])).toBeNull();
  });

  it('sends emergencies to the active on-call clinician, even when full or outside their areas', () => {
    expect(routeCase({ regions: ['knee_left'], urgency: 'emergency' }, [spine, limbs, { ...lead, openCases: 5 }])).toBe('lead');
    expect(routeCase({ regions: ['knee_left'], urgency: 'emergency' }, [spine, limbs, { ...lead, active: false }])).toBe('clinician2');
  });

  it('breaks ties by fewest open cases, then id, whatever the input order', () => {
    const a = { ...spine, id: 'b', capacity: 10, openCases: 5 };
    const b = { ...spine, id: 'a', capacity: 8, openCases: 3 };
    const c = { ...spine, id: 'c', capacity: 8, openCases: 3 };
    expect(routeCase({ regions: ['low_back'], urgency: 'routine' }, [a, b, c])).toBe('a');
    expect(routeCase({ regions: ['low_back'], urgency: 'routine' }, [c, b, a])).toBe('a');
  });
});
