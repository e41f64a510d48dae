// The navigation list: every screen of the app, in the order the side bar shows them.
// A new screen (Outbox, Settings, ...) plugs in by adding one entry here.
import type { ReactElement } from 'react';
import Inventory2Outlined from '@mui/icons-material/Inventory2Outlined';
import DashboardOutlined from '@mui/icons-material/DashboardOutlined';
import HistoryOutlined from '@mui/icons-material/HistoryOutlined';
import { ActivityScreen } from '../features/activity/ActivityScreen';
import { DashboardScreen } from '../features/dashboard/DashboardScreen';
import BusinessOutlined from '@mui/icons-material/BusinessOutlined';
import { InventoryScreen } from '../features/inventory/InventoryScreen';
import { OrganizationsScreen } from '../features/organizations/OrganizationsScreen';
import NotificationsOutlined from '@mui/icons-material/NotificationsOutlined';
import OutboxOutlined from '@mui/icons-material/OutboxOutlined';
import SettingsOutlined from '@mui/icons-material/SettingsOutlined';
import { NotificationsScreen } from '../features/notifications/NotificationsScreen';
import { OutboxScreen } from '../features/outbox/OutboxScreen';
import { SettingsScreen } from '../features/settings/SettingsScreen';

export interface Screen {
  /** Stable id, used in the URL hash (#inventory). */
  id: string;
  /** The navigation item's name and the screen's heading. */
  label: string;
  icon: ReactElement;
  render: () => ReactElement;
}

/** The first is the home screen, shown when the URL names none. */
export const SCREENS: Screen[] = [
  { id: 'dashboard', label: 'Dashboard', icon: <DashboardOutlined />, render: () => <DashboardScreen /> },
  { id: 'inventory', label: 'Inventory', icon: <Inventory2Outlined />, render: () => <InventoryScreen /> },
  { id: 'organizations', label: 'Organizations', icon: <BusinessOutlined />, render: () => <OrganizationsScreen /> },
  { id: 'activity', label: 'Activity', icon: <HistoryOutlined />, render: () => <ActivityScreen /> },
  { id: 'notifications', label: 'Notifications', icon: <NotificationsOutlined />, render: () => <NotificationsScreen /> },
  { id: 'outbox', label: 'Outbox', icon: <OutboxOutlined />, render: () => <OutboxScreen /> },
  { id: 'settings', label: 'Settings', icon: <SettingsOutlined />, render: () => <SettingsScreen /> },
];
