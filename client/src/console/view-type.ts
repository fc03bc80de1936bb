/** The console's webview type, shared by the panel and the serializer that restores it after a reload. */
export const CONSOLE_VIEW_TYPE = 'hotpath.console';
