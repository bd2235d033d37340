/** The console's design system: import components from here (see README.md for what each is for). */
export { default as Button } from './Button.svelte';
export { default as PageHeader } from './PageHeader.svelte';
export { default as Field } from './Field.svelte';
export { default as TextInput } from './TextInput.svelte';
export { default as Select } from './Select.svelte';
export { default as MultiSelect } from './MultiSelect.svelte';
export { default as Combobox } from './Combobox.svelte';
export { default as Dialog } from './Dialog.svelte';
export { default as ConfirmDialog } from './ConfirmDialog.svelte';
export { default as Tabs } from './Tabs.svelte';
export { default as DataTable } from './DataTable.svelte';
export { default as EmptyState } from './EmptyState.svelte';
export { default as StatusBadge } from './StatusBadge.svelte';
export { default as Toaster } from './Toaster.svelte';
export { toasts, ToastQueue } from './toast-queue.svelte';
export { describedBy, fieldControl, fieldIds, type FieldControl } from './field';
export { filterOptions, foldText, type Option } from './options';
export { STATUS_TONES, type StatusTone } from './status';
