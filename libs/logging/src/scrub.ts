/** Masks anything shaped like a resident ID number or a mainland mobile number inside free text. */
const RESIDENT_ID = /(?<![0-9])([1-9]\d{2})\d{11}(\d{3}[0-9Xx])(?![0-9])/g;
const MOBILE = /(?<![0-9])(1[3-9]\d)\d{4}(\d{4})(?![0-9])/g;

export function scrubPersonalData(text: string): string {
  return text.replace(RESIDENT_ID, '$1***********$2').replace(MOBILE, '$1****$2');
}
