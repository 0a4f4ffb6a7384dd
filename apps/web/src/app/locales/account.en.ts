import type { accountZh } from './account.zh';

/** Account and security, terms consent, the fuller profile (issue 17). Keys mirror account.zh.ts. */
export const accountEn: typeof accountZh = {
  signIn: {
    byPassword: 'Password', byCode: 'SMS code', account: 'Username or mobile number', accountRequired: 'Enter your username or mobile number', phone: 'Mobile number',
    phoneRequired: 'Enter an 11-digit mobile number', code: 'SMS code', codeRequired: 'Enter the 6-digit code', sendCode: 'Send code', resendIn: 'Resend in {{seconds}} s',
    codeSent: 'If this number is registered, a code is on its way; it is valid for {{minutes}} minutes.', forgot: 'Forgot your password?', backToSignIn: 'Back to sign-in',
  },
  reset: {
    title: 'Reset your password', intro: 'Enter the mobile number you registered with, get a code and choose a new password. Every device signed in will have to sign in again.',
    newPassword: 'New password', submit: 'Reset password', done: 'Your password was reset. Sign in with the new one.',
  },
  page: {
    title: 'Account and security', back: 'Back', displayName: 'Display name', username: 'Username', changePassword: 'Change password', currentPassword: 'Current password',
    newPassword: 'New password', confirmPassword: 'New password again', mismatch: 'The two new passwords differ', passwordChanged: 'Password changed. Other devices were signed out.',
    terms: 'Privacy policy and terms', termsVersion: 'Version you agreed to: {{version}}', viewTerms: 'Read the privacy policy and terms',
    deleteTitle: 'Delete my account', deleteIntro: 'Deleting removes your account, profile, applications and code records at once; this cannot be undone. The audit log, kept for at least 180 days as the law requires, stays, without your ID or mobile number. You may want to export your data first.',
    deleteButton: 'Delete account', deleteConfirmTitle: 'Delete your account?', deleteConfirmHint: 'Type "DELETE" to confirm', deleteWord: 'DELETE', deleted: 'Your account was deleted.',
  },
  consent: {
    title: 'Privacy policy and terms', updated: 'The privacy policy and terms have changed (version {{version}}). Please read them and agree.', privacy: 'Privacy policy', terms: 'Terms of use',
    agree: 'Agree and continue', decline: 'Disagree and sign out', registerLabel: 'I have read and agree to the', and: 'and the', required: 'Read and agree to the privacy policy and terms',
  },
  profile: {
    reveal: 'Show full numbers', hide: 'Hide', revealHint: 'Numbers are masked to protect your privacy; each time you show them in full is written to the audit log.', exportJson: 'Export data (JSON)',
    exportExcel: 'Export data (Excel)', about: 'Job search and about me', jobSeekingStatus: 'Job search status', selfIntroduction: 'About me',
    selfIntroductionPlaceholder: 'Your experience, strengths and the work you want, e.g. five years of elderly care, careful and patient.', education: 'Education', addEducation: 'Add education',
    work: 'Work history', addWork: 'Add a job', school: 'School', major: 'Subject', level: 'Level', from: 'From (year-month)', to: 'To (year-month; empty if ongoing)',
    employer: 'Employer', jobTitle: 'Job title', occupation: 'Occupation (optional)', description: 'What you did', monthRule: 'Write the month as 2020-09', phoneKeep: 'Leave empty to keep {{phone}}',
    account: 'Account and security',
  },
  jobSeekingStatus: { actively_looking: 'Looking for work', open_to_offers: 'Employed, open to offers', employed_not_looking: 'Employed, not looking', not_looking: 'Not looking for now' },
};
