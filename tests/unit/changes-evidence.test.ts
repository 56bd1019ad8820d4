import { describe, expect, it } from 'vitest';
import { formFor, missingEvidenceRefusal, requiredEvidence } from '../../shared/changes/evidence';

const kinds = (list: ReturnType<typeof requiredEvidence>, need: string) =>
  list.filter((item) => item.need === need).map((item) => item.kind);

describe('evidence and forms per case kind', () => {
  it('CHG-1 a transfer needs its application, the signed transfer form, and the proof of its ground', () => {
    const family = requiredEvidence('transferIn', { transferGround: 'familyMoved' });
    expect(kinds(family, 'required')).toEqual(['signedForm', 'transferApplication', 'hukouMoveProof']);
    const workplace = requiredEvidence('transferOut', { transferGround: 'migrantWorkplaceMoved' });
    expect(kinds(workplace, 'required')).toEqual(['signedForm', 'transferApplication', 'parentJobTransferProof']);
    expect(formFor('transferIn')).toBe('transferContact');
  });

  it('CHG-2 a suspension needs the Shanxi form and the hospital record or the official certificate', () => {
    expect(kinds(requiredEvidence('suspension', { suspensionGround: 'illness' }), 'required')).toEqual([
      'signedForm',
      'countyHospitalRecord',
    ]);
    expect(kinds(requiredEvidence('suspension', { suspensionGround: 'forceMajeure' }), 'required')).toEqual([
      'signedForm',
      'forceMajeureCertificate',
    ]);
    expect(formFor('suspension')).toBe('suspensionResumption');
    expect(formFor('resumption')).toBe('suspensionResumption');
  });

  it('CHG-2 death, going abroad and dropout need their certificate and the signed approval form', () => {
    expect(kinds(requiredEvidence('death'), 'required')).toEqual(['signedForm', 'deathCertificate']);
    expect(kinds(requiredEvidence('goingAbroad'), 'required')).toEqual(['signedForm', 'abroadProof']);
    expect(kinds(requiredEvidence('dropout'), 'required')).toEqual(['signedForm', 'dropoutApplication']);
    for (const kind of ['death', 'goingAbroad', 'dropout'] as const) expect(formFor(kind)).toBe('movementApproval');
  });

  it('DAT-2 a basic-information change needs its form and at least one item of the checklist', () => {
    const list = requiredEvidence('basicInfoChange');
    expect(kinds(list, 'required')).toEqual(['signedForm']);
    expect(kinds(list, 'oneOf')).toEqual([
      'householdRegister',
      'policeChangeProof',
      'birthCertificate',
      'idCardCopy',
      'otherProof',
    ]);
    expect(formFor('basicInfoChange')).toBe('basicInfoChange');
  });

  it('VOC-5 a case on the bureau’s exception needs the written exception', () => {
    expect(kinds(requiredEvidence('changeMajor', { flexibleStudyException: true }), 'required')).toEqual([
      'signedForm',
      'changeMajorApplication',
      'bureauException',
    ]);
  });

  it('调班 and 升级 need neither form nor evidence', () => {
    expect(formFor('classChange')).toBeNull();
    expect(requiredEvidence('classChange')).toEqual([]);
    expect(requiredEvidence('promotion')).toEqual([]);
  });
});

describe('missing evidence', () => {
  it('CHG-1 names each missing item, the signed form by its title', () => {
    const list = requiredEvidence('transferIn', { transferGround: 'familyMoved' });
    const refusal = missingEvidenceRefusal('transferIn', list, ['transferApplication']);
    expect(refusal?.rule).toBe('CHG-1');
    expect(refusal?.message).toBe(
      '转入还缺少佐证材料：签字盖章的《阳泉市中小学转学联系表》；户口迁移证明（规则 CHG-1）。上传后即可提交审核。',
    );
    expect(
      missingEvidenceRefusal('transferIn', list, ['signedForm', 'transferApplication', 'hukouMoveProof']),
    ).toBeNull();
  });

  it('DAT-2 asks for at least one checklist item, and any one will do', () => {
    const list = requiredEvidence('basicInfoChange');
    const refusal = missingEvidenceRefusal('basicInfoChange', list, ['signedForm']);
    expect(refusal?.rule).toBe('DAT-2');
    expect(refusal?.message).toContain(
      '以下材料至少一项：户口簿户主页和本人页、公安机关变更证明、出生医学证明、身份证复印件、其他证明材料',
    );
    expect(missingEvidenceRefusal('basicInfoChange', list, ['signedForm', 'birthCertificate'])).toBeNull();
  });

  it('CHG-2 optional items are never missing', () => {
    const list = requiredEvidence('resumption');
    expect(missingEvidenceRefusal('resumption', list, ['signedForm'])).toBeNull();
    expect(missingEvidenceRefusal('resumption', list, [])?.message).toContain('《山西省中小学生休学、复学申请表》');
  });
});
