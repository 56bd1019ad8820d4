/**
 * Which national code list, or the division table, each field of a
 * student's basic information (and of a family member) takes its values
 * from: so a stored code reads as its label wherever it is shown, on a
 * screen, a printed form or an exported workbook.
 */
import {
  boardingTypes,
  type CodeList,
  commuteModes,
  disabilityTypes,
  enrollmentMethods,
  ethnicities,
  familyRelations,
  healthStatuses,
  householdTypes,
  idDocumentTypes,
  leftBehindStatuses,
  nationalities,
  overseasStatuses,
  politicalAffiliations,
  sexes,
  studentSources,
  studentStatuses,
  studyModes,
  yesNo,
} from './codes';

/** The national code list each coded field of `StudentBasics` (and of a family member) takes its values from. */
export const fieldCodeLists: Readonly<Record<string, CodeList>> = {
  sex: sexes,
  ethnicity: ethnicities,
  nationality: nationalities,
  idType: idDocumentTypes,
  overseasStatus: overseasStatuses,
  healthStatus: healthStatuses,
  householdType: householdTypes,
  enrollmentMethod: enrollmentMethods,
  boardingType: boardingTypes,
  politicalAffiliation: politicalAffiliations,
  studentSource: studentSources,
  onlyChild: yesNo,
  preschool: yesNo,
  leftBehind: leftBehindStatuses,
  migrantChild: yesNo,
  orphan: yesNo,
  martyrChild: yesNo,
  inclusiveEducation: yesNo,
  disabilityType: disabilityTypes,
  governmentFundedPlace: yesNo,
  needsAid: yesNo,
  receivesSubsidy: yesNo,
  commuteMode: commuteModes,
  needsSchoolBus: yesNo,
  studyMode: studyModes,
  status: studentStatuses,
  // A family member's fields (家庭成员).
  relationship: familyRelations,
  isGuardian: yesNo,
};

/** Fields holding a 6-digit GB/T 2260 division code (出生地, 籍贯, 户口所在地). */
export const divisionFields: ReadonlySet<string> = new Set(['birthPlace', 'nativePlace', 'householdLocation']);
