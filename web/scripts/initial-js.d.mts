export declare const INITIAL_JS_LIMIT: number;
export declare function initialScripts(consoleRoot: string): Record<string, number>;
