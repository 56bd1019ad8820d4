export { basicInfoChange } from './basicInfoChange';
export { transferContact } from './transferContact';
export { suspensionResumption } from './suspensionResumption';
export { movementApproval } from './movementApproval';
export { studentCard } from './studentCard';
export { classRoster } from './classRoster';
export { graduateRegistration } from './graduateRegistration';
export { recoveryCode } from './recoveryCode';
