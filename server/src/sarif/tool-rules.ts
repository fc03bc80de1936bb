/**
 * A run's tool and its rules: which `reportingDescriptor` a result refers to (by `ruleIndex`,
 * by `rule` with its `toolComponent`, or by `ruleId`, hierarchical ids falling back to their
 * parents), and what a finding carries of it: the tool's name, the rule's name, description,
 * help and help page.
 */
import type { FindingSource } from '../findings';
import { at, isRecord, JsonRecord, list, record, text, whole } from './json-values';
import { multiformatText } from './messages';

/** Names and help texts longer than this are cut. */
const MAX_NAME = 200;
const MAX_HELP = 20_000;

function cut(value: string | undefined, limit: number): string | undefined {
  return value !== undefined && value.length > limit ? `${value.slice(0, limit)}…` : value;
}

/**
 * An absolute http(s) URL, or undefined: a help link from a log must open a web page, not a
 * local file or a script.
 */
export function webLink(value: unknown): string | undefined {
  const link = text(value);
  if (!link || link.length > 2000) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A tool as its log describes it. */
export interface ToolDescription {
  name: string;
  version?: string;
  semanticVersion?: string;
  informationUri?: string;
}

class Component {
  private byId?: Map<string, JsonRecord>;
  constructor(readonly value: JsonRecord | undefined) {}

  get rules(): unknown {
    return this.value?.rules;
  }

  rule(id: string): JsonRecord | undefined {
    if (!this.byId) {
      this.byId = new Map();
      for (const rule of list(this.rules)) {
        const ruleId = isRecord(rule) ? text(rule.id) : undefined;
        if (ruleId !== undefined && !this.byId.has(ruleId)) this.byId.set(ruleId, rule as JsonRecord);
      }
    }
    return this.byId.get(id);
  }
}

export class RunRules {
  /** The tool's name as the log gives it. */
  readonly tool: string;
  private readonly driver: Component;
  private readonly extensions: Component[];

  constructor(run: JsonRecord) {
    const tool = record(run.tool);
    this.driver = new Component(record(tool?.driver));
    this.extensions = list(tool?.extensions).map((e) => new Component(record(e)));
    this.tool = cut(text(this.driver.value?.name)?.trim(), MAX_NAME) || 'an unnamed tool';
  }

  /** What the log says of the tool itself, for writing its run again. */
  get description(): ToolDescription {
    const driver = this.driver.value;
    const version = cut(text(driver?.version), MAX_NAME);
    const semanticVersion = cut(text(driver?.semanticVersion), MAX_NAME);
    const informationUri = webLink(driver?.informationUri);
    return { name: this.tool, ...(version ? { version } : {}), ...(semanticVersion ? { semanticVersion } : {}), ...(informationUri ? { informationUri } : {}) };
  }

  /** The tool's `globalMessageStrings`. */
  get globalStrings(): JsonRecord | undefined {
    return record(this.driver.value?.globalMessageStrings);
  }

  /** The rule a result refers to, if the log describes it. */
  descriptor(result: JsonRecord): JsonRecord | undefined {
    const reference = record(result.rule);
    const componentRef = record(reference?.toolComponent);
    const component = this.component(componentRef);
    const index = whole(result.ruleIndex) ?? whole(reference?.index);
    const id = text(result.ruleId) ?? text(reference?.id);
    if (index !== undefined) {
      const rule = record(at(component.rules, index));
      if (rule && (id === undefined || text(rule.id) === undefined || text(rule.id) === id || id.startsWith(`${text(rule.id)}/`))) return rule;
    }
    if (id === undefined) return undefined;
    // Hierarchical ids (`CA2000/sub`) fall back to their parents.
    for (let candidate = id; candidate; candidate = candidate.includes('/') ? candidate.slice(0, candidate.lastIndexOf('/')) : '') {
      for (const c of [component, this.driver, ...this.extensions]) {
        const rule = c.rule(candidate);
        if (rule) return rule;
      }
    }
    return undefined;
  }

  private component(reference: JsonRecord | undefined): Component {
    if (!reference) return this.driver;
    const index = whole(reference.index);
    if (index !== undefined) return this.extensions[index] ?? this.driver;
    const name = text(reference.name);
    return this.extensions.find((e) => name !== undefined && text(e.value?.name) === name) ?? this.driver;
  }

  private readonly sources = new Map<string, FindingSource>();

  /** What a finding of this tool carries of its rule; one object per rule, shared by its findings. */
  source(ruleId: string, descriptor: JsonRecord | undefined): FindingSource {
    const key = `${descriptor ? text(descriptor.id) ?? '' : ''}\0${ruleId}`;
    let source = this.sources.get(key);
    if (!source) {
      source = this.describe(ruleId, descriptor);
      this.sources.set(key, source);
    }
    return source;
  }

  private describe(ruleId: string, descriptor: JsonRecord | undefined): FindingSource {
    const source: FindingSource = { tool: this.tool };
    if (!descriptor) return source;
    const name = cut(text(descriptor.name), MAX_NAME);
    if (name && name !== ruleId) source.ruleName = name;
    const description = cut(multiformatText(descriptor.shortDescription) ?? multiformatText(descriptor.fullDescription), MAX_HELP);
    if (description) source.description = description;
    const help = record(descriptor.help);
    const helpText = cut(text(help?.markdown) ?? text(help?.text) ?? multiformatText(descriptor.fullDescription), MAX_HELP);
    if (helpText && helpText !== description) source.help = helpText;
    const helpUri = webLink(descriptor.helpUri);
    if (helpUri) source.helpUri = helpUri;
    return source;
  }
}
