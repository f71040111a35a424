import { tk } from '../i18n';

export interface NavItem {
  to: string;
  label: string; // translation key
  testId: string;
  action?: string; // shown only when the user has this action
}

export const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: tk('Home'), testId: 'nav-home' },
  { to: '/cases', label: tk('Cases'), testId: 'nav-cases', action: 'case.read' },
  { to: '/screening', label: tk('Screening'), testId: 'nav-screening', action: 'screening.write' },
  { to: '/people', label: tk('People'), testId: 'nav-people', action: 'person.read' },
  { to: '/statistics', label: tk('Statistics'), testId: 'nav-statistics', action: 'stats.read' },
  { to: '/audit', label: tk('Audit'), testId: 'nav-audit', action: 'audit.read' },
  { to: '/users', label: tk('Users'), testId: 'nav-users', action: 'user.read' },
];

export function visibleNavItems(actions: readonly string[]): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.action || actions.includes(item.action));
}
