import {
  availabilityValue,
  distanceValue,
  experienceValue,
  haversineH,
  hToKm,
  OCC_EXACT,
  OCC_MEDIUM,
  OCC_MINOR,
  OCC_NONE,
  occupationValue,
  PRECISION_SLACK_KM,
  reachKm,
  skillCredit,
  skillLevelValue,
  UNKNOWN_DISTANCE_VALUES,
  wageValue,
} from '../core/primitives';
import { checkShared, CompiledSeekers, CompiledShortages, ROW, seekerLists } from '../core/compiled';
import { DEFAULT_MATCH_WEIGHTS, MatchWeights, totalWeight } from '../core/weights';

/**
 * Score of seeker i for shortage j, pair by pair: the same number as `scoreMatch` on the facts they were
 * compiled from (same arithmetic, same summation order).
 */
export function scoreCompiled(seekers: CompiledSeekers, shortages: CompiledShortages, i: number, j: number, weights: MatchWeights = DEFAULT_MATCH_WEIGHTS): number {
  checkShared(seekers, shortages);
  const { data } = seekers;
  const r = seekers.offset[i];
  const l = seekerLists(seekers, i);

  const detail = shortages.occupationDetail[j];
  const minor = shortages.occupationMinor[j];
  const medium = shortages.occupationMedium[j];
  let level = OCC_NONE;
  for (let k = 0; k < l.occupationCount; k++) {
    const o = l.occupations + 3 * k;
    const own = data[o] === detail ? OCC_EXACT : data[o + 1] === minor ? OCC_MINOR : data[o + 2] === medium ? OCC_MEDIUM : OCC_NONE;
    if (own > level) level = own;
  }

  const heldLevel = (id: number) => {
    for (let k = 0; k < l.skillCount; k++) if (data[l.skills + 2 * k] === id) return data[l.skills + 2 * k + 1];
    return 0;
  };
  let requiredSum = 0;
  let namesHeld = 0;
  const rFrom = shortages.requiredStart[j];
  const rTo = shortages.requiredStart[j + 1];
  for (let q = rFrom; q < rTo; q++) {
    const held = heldLevel(shortages.requiredId[q]);
    requiredSum += skillCredit(held, shortages.requiredLevel[q]);
    if (held > 0) namesHeld++;
  }
  let preferredSum = 0;
  const pFrom = shortages.preferredStart[j];
  const pTo = shortages.preferredStart[j + 1];
  for (let p = pFrom; p < pTo; p++) preferredSum += skillCredit(heldLevel(shortages.preferredId[p]), shortages.preferredLevel[p]);
  let certificatesHeld = 0;
  const cFrom = shortages.certificateStart[j];
  const cTo = shortages.certificateStart[j + 1];
  for (let c = cFrom; c < cTo; c++) {
    for (let k = 0; k < l.certificateCount; k++) {
      if (data[l.certificates + k] === shortages.certificateId[c]) {
        certificatesHeld++;
        break;
      }
    }
  }
  let years = 0;
  for (let k = 0; k < l.experienceCount; k++) if (data[l.experiences + 2 * k] === minor) years += data[l.experiences + 2 * k + 1];

  let distance: number;
  const seekerPrecision = data[r + ROW.hasLocation];
  const shortagePrecision = shortages.hasLocation[j];
  if (seekerPrecision !== 0 && shortagePrecision !== 0) {
    const h = haversineH(
      data[r + ROW.sinHalfLat],
      data[r + ROW.cosHalfLat],
      data[r + ROW.cosLat],
      data[r + ROW.sinHalfLng],
      data[r + ROW.cosHalfLng],
      shortages.sinHalfLat[j],
      shortages.cosHalfLat[j],
      shortages.cosLat[j],
      shortages.sinHalfLng[j],
      shortages.cosHalfLng[j],
    );
    const shortageSlack = PRECISION_SLACK_KM[shortagePrecision];
    const km = hToKm(h);
    const inReach = shortageSlack === 0 ? h <= data[r + ROW.reachH] : km <= reachKm(data[r + ROW.radiusKm], PRECISION_SLACK_KM[seekerPrecision], shortageSlack);
    distance = inReach ? distanceValue(km, data[r + ROW.radiusKm]) : 0;
  } else {
    distance = UNKNOWN_DISTANCE_VALUES[seekers.vocabulary.regionRelation(data[r + ROW.region], shortages.region[j])];
  }
  const mask = data[r + ROW.workTypeMask];
  const values = [
    occupationValue(level, namesHeld, rTo - rFrom),
    rTo > rFrom ? requiredSum / (rTo - rFrom) : 1,
    pTo > pFrom ? preferredSum / (pTo - pFrom) : 1,
    cTo > cFrom ? certificatesHeld / (cTo - cFrom) : 1,
    skillLevelValue(data[r + ROW.overallLevel], shortages.minSkillLevel[j]),
    distance,
    wageValue(shortages.wageMax[j], data[r + ROW.wageExpectation]),
    availabilityValue(data[r + ROW.availableDay], shortages.startDay[j]),
    mask === 0 ? 0.5 : (mask & shortages.workTypeBit[j]) !== 0 ? 1 : 0,
    experienceValue(years, shortages.experienceTarget[j]),
    (data[r + ROW.priority] & (shortages.openToDisabled[j] ? 3 : 1)) !== 0 ? 1 : 0,
  ];
  const w = weights;
  const sum =
    w.occupation * values[0] +
    w.requiredSkills * values[1] +
    w.preferredSkills * values[2] +
    w.certificates * values[3] +
    w.skillLevel * values[4] +
    w.distance * values[5] +
    w.wage * values[6] +
    w.availability * values[7] +
    w.workType * values[8] +
    w.experience * values[9] +
    w.priorityGroup * values[10];
  return (sum * 100) / totalWeight(w);
}
