import { tk } from '../i18n';

export interface NavItem {
  to: string;
  label: string; // translation key
  testId: string;
  actions?: readonly string[]; // shown only when the user has at least one of these actions
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: tk('Home'), testId: 'nav-home' },
  { to: '/cases', label: tk('Cases'), testId: 'nav-cases', actions: ['case.read'] },
  {
    to: '/criminal-cases',
    label: tk('Criminal cases'),
    testId: 'nav-criminal-cases',
    actions: ['criminal_case.read'],
  },
  { to: '/operations', label: tk('Operations'), testId: 'nav-operations', actions: ['operation.read'] },
  { to: '/screening', label: tk('Screening'), testId: 'nav-screening', actions: ['screening.write'] },
  { to: '/people', label: tk('People'), testId: 'nav-people', actions: ['person.read'] },
  { to: '/registers', label: tk('Registers'), testId: 'nav-registers', actions: ['register.read'] },
  { to: '/complaints', label: tk('Complaints'), testId: 'nav-complaints', actions: ['complaint.read'] },
  { to: '/statistics', label: tk('Statistics'), testId: 'nav-statistics', actions: ['stats.read'] },
  { to: '/linkage', label: tk('Linkage review'), testId: 'nav-linkage', actions: ['linkage.review'] },
  {
    to: '/audit',
    label: tk('Audit'),
    testId: 'nav-audit',
    actions: ['audit.read', 'audit.verify', 'breakglass.review'],
  },
  { to: '/users', label: tk('Users'), testId: 'nav-users', actions: ['user.read'] },
];

export function visibleNavItems(actions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.actions || item.actions.some((a) => actions.includes(a)));
}
