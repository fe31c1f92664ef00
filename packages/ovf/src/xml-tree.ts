// A light, read-only, namespace-resolved element tree built from saxes events: what the OVF and
// manifest readers need (names, namespaces, attributes, text, lines, parents and children), at a
// fraction of a W3C DOM's cost. Text is kept lxml-style: `text` before the first child element,
// each child's `tail` after it, so mixed content keeps its order without text nodes.
import { SaxesParser } from 'saxes';

/** A qualified name resolved in its scope; shared by every element or attribute that bears it. */
export interface XmlName {
  /** As written: "ovf:id", "xmlns:rasd", "Envelope". */
  readonly name: string;
  readonly localName: string;
  readonly prefix: string | null;
  /** null: no namespace (for an attribute: unprefixed; no default namespace applies to attributes). */
  readonly namespaceURI: string | null;
}

/** XmlName as the parser makes them (a class: its hidden class lives as long as the module). */
class QName implements XmlName {
  constructor(
    readonly name: string,
    readonly localName: string,
    readonly prefix: string | null,
    readonly namespaceURI: string | null,
  ) {}
}

// XmlAttr and XmlElement repeat their name getters on purpose: a shared base class made the
// parser a third slower in bench:sm (property reads went polymorphic).
export class XmlAttr implements XmlName {
  // Fields declared, not defined: the constructor assigns each once (a hot path of the parser).
  declare readonly qname: XmlName;
  declare readonly value: string;

  constructor(qname: XmlName, value: string) {
    this.qname = qname;
    this.value = value;
  }

  /** As written: "ovf:id". */
  get name(): string {
    return this.qname.name;
  }

  get localName(): string {
    return this.qname.localName;
  }

  get prefix(): string | null {
    return this.qname.prefix;
  }

  get namespaceURI(): string | null {
    return this.qname.namespaceURI;
  }
}

/** Shared by every element without children or attributes (most of a descriptor's elements). */
const NO_ELEMENTS: readonly XmlElement[] = Object.freeze([]);
const NO_ATTRIBUTES: readonly XmlAttr[] = Object.freeze([]);

export class XmlElement implements XmlName {
  // Fields declared, not defined: the constructor assigns each once (a hot path of the parser).
  declare readonly qname: XmlName;
  declare readonly attributes: readonly XmlAttr[];
  declare readonly parent: XmlElement | null;
  /** Child elements, in document order. */
  declare children: readonly XmlElement[];
  /** Character data (text and CDATA) before the first child element. */
  declare text: string;
  /** Character data after this element's end tag, up to the next sibling or the parent's end tag. */
  declare tail: string;
  /** 1-based line and column of the start tag's `<`. */
  declare readonly lineNumber: number;
  declare readonly columnNumber: number;

  constructor(
    qname: XmlName,
    attributes: readonly XmlAttr[],
    parent: XmlElement | null,
    lineNumber: number,
    columnNumber: number,
  ) {
    this.qname = qname;
    this.attributes = attributes;
    this.parent = parent;
    this.children = NO_ELEMENTS;
    this.text = '';
    this.tail = '';
    this.lineNumber = lineNumber;
    this.columnNumber = columnNumber;
  }

  /** The qualified name as written: "rsv:KPI", "Envelope". */
  get nodeName(): string {
    return this.qname.name;
  }

  get name(): string {
    return this.qname.name;
  }

  get localName(): string {
    return this.qname.localName;
  }

  get prefix(): string | null {
    return this.qname.prefix;
  }

  get namespaceURI(): string | null {
    return this.qname.namespaceURI;
  }

  /** An attribute's value by its name as written ("ovf:id"), or null. */
  getAttribute(name: string): string | null {
    for (const a of this.attributes) if (a.qname.name === name) return a.value;
    return null;
  }

  hasAttribute(name: string): boolean {
    return this.getAttribute(name) !== null;
  }

  /** An attribute's value by namespace (null: unprefixed) and local name, or null. */
  getAttributeNS(namespaceURI: string | null, localName: string): string | null {
    for (const a of this.attributes) {
      const n = a.qname;
      if (n.localName === localName && n.namespaceURI === namespaceURI) return a.value;
    }
    return null;
  }

  /** The element's own character data, without its descendants'. */
  get directText(): string {
    let out = this.text;
    for (const c of this.children) out += c.tail;
    return out;
  }

  /** All character data of the element and its descendants, in document order (DOM textContent). */
  get textContent(): string {
    if (this.children.length === 0) return this.text;
    let out = '';
    // Iterative, so a deeply nested document cannot exhaust the stack.
    const stack: (XmlElement | string)[] = [this];
    while (stack.length > 0) {
      const top = stack.pop()!;
      if (typeof top === 'string') {
        out += top;
        continue;
      }
      out += top.text;
      for (let i = top.children.length - 1; i >= 0; i--) {
        const c = top.children[i]!;
        if (c.tail !== '') stack.push(c.tail);
        stack.push(c);
      }
    }
    return out;
  }

  /** The root of the tree this element belongs to. */
  get root(): XmlElement {
    let e = this.parent;
    if (e === null) return this;
    while (e.parent !== null) e = e.parent;
    return e;
  }
}

export interface XmlTree {
  root: XmlElement;
  /** Recoverable problems (an undefined entity, text after the root element). */
  warnings: XmlDiagnostic[];
}

export interface XmlDiagnostic {
  line: number;
  column: number;
  message: string;
}

/** Malformed XML: the first well-formedness or namespace error, located. */
export class XmlSyntaxError extends Error implements XmlDiagnostic {
  constructor(
    readonly line: number,
    readonly column: number,
    message: string,
  ) {
    super(message);
    this.name = 'XmlSyntaxError';
  }
}

/** Errors the readers can live with, as xmldom did: reported as warnings, parsing goes on. */
const RECOVERABLE = [/^undefined entity/, /^text data outside of root node/];

const LOCATION = /^\d+:\d+: /;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';

/** The namespace bindings in effect: per prefix ('' for the default), a stack of URIs, innermost last. */
class Bindings {
  private readonly stacks = new Map<string, string[]>([
    ['xml', [XML_NS]],
    ['xmlns', [XMLNS_NS]],
  ]);

  /** The URI bound to a prefix ('' when the default namespace is undeclared), or undefined. */
  resolve(prefix: string): string | undefined {
    const stack = this.stacks.get(prefix);
    return stack === undefined ? undefined : stack[stack.length - 1];
  }

  push(prefix: string, uri: string): void {
    const stack = this.stacks.get(prefix);
    if (stack === undefined) this.stacks.set(prefix, [uri]);
    else stack.push(uri);
  }

  pop(prefixes: readonly string[]): void {
    for (const p of prefixes) this.stacks.get(p)?.pop();
  }
}

/**
 * The names resolved under one set of bindings: the document's, then a new one for each element
 * that declares namespaces (most elements share their parent's).
 */
class Scope {
  readonly elementNames = new Map<string, QName>();
  readonly attributeNames = new Map<string, QName>();

  /** `declared`: the prefixes the element opening the scope binds. */
  constructor(readonly declared: readonly string[]) {}
}

/**
 * Parses a whole document; throws XmlSyntaxError at the first error that is not RECOVERABLE.
 *
 * saxes tokenizes and checks well-formedness; namespaces are resolved here (saxes' own xmlns mode
 * allocates a scope object, a set and expanded names for every element). Names and indentation are
 * shared between elements: a large descriptor repeats a few dozen of each, and a tree holding one
 * copy is smaller and faster to build (less for the young-generation collector to copy).
 */
export function parseXml(xmlText: string): XmlTree {
  const builder = build(xmlText);
  const root = builder.root;
  if (root === null) throw new XmlSyntaxError(0, 0, 'no root element');
  return { root, warnings: builder.warnings };
}

function build(xmlText: string): TreeBuilder {
  const parser = spare ?? newParser();
  spare = null;
  const builder = new TreeBuilder(xmlText, parser);
  const outer = active;
  active = builder;
  let done = false;
  try {
    parser.write(xmlText).close();
    done = true;
  } finally {
    active = outer;
    // close() readies the parser for another document; one that threw midway is not reused.
    spare = done ? parser : newParser();
  }
  return builder;
}

// One parser serves every document, and the handlers are the same functions for every parse, with
// the parse's state in `active` (parsing is synchronous). Optimized code depends on the hidden
// classes of saxes' objects: when the last parser dies, a full collection drops those classes and
// that code with them, and saxes then ran 3 to 5 times slower (measured: a forced gc() between two
// parses of a 12 MB descriptor). Keeping a parser alive keeps its classes, and the code, valid.
let active: TreeBuilder | null = null;
let spare: SaxesParser | null = null;

function newParser(): SaxesParser {
  const parser = new SaxesParser({ position: true });
  parser.on('error', onError);
  parser.on('opentagstart', onOpenTagStart);
  parser.on('attribute', onAttribute);
  parser.on('opentag', onOpenTag);
  parser.on('closetag', onCloseTag);
  parser.on('text', onText);
  parser.on('cdata', onText);
  return parser;
}

function onError(err: Error): void {
  active!.error(err);
}
function onOpenTagStart(tag: { name: string }): void {
  active!.openTagStart(tag.name);
}
function onAttribute(attr: { name: string; value: string }): void {
  active!.pending.push(attr);
}
function onOpenTag(tag: { name: string }): void {
  active!.openTag(tag.name);
}
function onCloseTag(): void {
  active!.closeTag();
}
function onText(text: string): void {
  active!.addText(text);
}

class TreeBuilder {
  readonly warnings: XmlDiagnostic[] = [];
  root: XmlElement | null = null;
  /** Attributes of the start tag being read. */
  pending: { name: string; value: string }[] = [];
  private readonly blanks = new Map<string, string>();
  // The open elements, and the children each has so far (in reused scratch arrays: a child list
  // is copied once, at its exact size, when the element closes).
  private readonly open: XmlElement[] = [];
  private readonly kids: XmlElement[][] = [];
  private readonly kidCounts: number[] = [];
  private readonly scopes: Scope[] = [];
  private depth = -1;
  private readonly bindings = new Bindings();
  private scope = new Scope([]);
  private startLine = 0;
  private startColumn = 0;

  constructor(
    private readonly xmlText: string,
    readonly parser: SaxesParser,
  ) {}

  readonly fail = (message: string): never => {
    this.parser.fail(message);
    // The error handler throws for every non-recoverable error.
    throw new XmlSyntaxError(this.parser.line, this.parser.column, message);
  };

  error(err: Error): void {
    const message = err.message.replace(LOCATION, '');
    const { line, column } = this.parser;
    if (RECOVERABLE.some((r) => r.test(message))) this.warnings.push({ line, column, message });
    else throw new XmlSyntaxError(line, column, message);
  }

  openTagStart(name: string): void {
    // The position is just past the character that ended the name: the line of `<` unless
    // that character was a line break.
    const parser = this.parser;
    const column = parser.column;
    if (column > 0) {
      this.startLine = parser.line;
      this.startColumn = column - name.length - 1;
    } else {
      this.startLine = parser.line - 1;
      const lt = this.xmlText.lastIndexOf('<', parser.position - 1);
      this.startColumn = lt - this.xmlText.lastIndexOf('\n', lt);
    }
  }

  openTag(name: string): void {
    const attrs = this.pending;
    if (attrs.length > 0) this.pending = [];
    this.scopes.push(this.scope);
    for (const a of attrs) {
      const n = a.name;
      if (n.startsWith('xmlns') && (n.length === 5 || n.charCodeAt(5) === 0x3a)) {
        this.scope = declare(this.bindings, attrs, this.fail, xmlVersion(this.parser));
        break;
      }
    }
    const scope = this.scope;
    let attributes = NO_ATTRIBUTES;
    if (attrs.length > 0) {
      const list = new Array<XmlAttr>(attrs.length);
      for (let i = 0; i < attrs.length; i++) {
        const a = attrs[i]!;
        let qname = scope.attributeNames.get(a.name);
        if (qname === undefined) {
          qname = resolveName(a.name, this.bindings, true, this.fail);
          scope.attributeNames.set(a.name, qname);
        }
        list[i] = new XmlAttr(qname, a.value);
      }
      if (list.length > 1) checkExpandedNames(list, this.fail);
      attributes = list;
    }
    let qname = scope.elementNames.get(name);
    if (qname === undefined) {
      qname = resolveName(name, this.bindings, false, this.fail);
      scope.elementNames.set(name, qname);
    }
    const depth = this.depth;
    const parent = depth >= 0 ? this.open[depth]! : null;
    const el = new XmlElement(qname, attributes, parent, this.startLine, this.startColumn);
    if (parent === null) this.root ??= el;
    else this.kids[depth]![this.kidCounts[depth]!++] = el;
    const inner = depth + 1;
    this.depth = inner;
    this.open[inner] = el;
    if (inner === this.kids.length) this.kids.push([]);
    this.kidCounts[inner] = 0;
  }

  closeTag(): void {
    const depth = this.depth;
    if (depth < 0) return;
    const count = this.kidCounts[depth]!;
    if (count > 0) this.open[depth]!.children = this.kids[depth]!.slice(0, count);
    this.depth = depth - 1;
    const outer = this.scopes.pop() ?? this.scope;
    if (outer !== this.scope) this.bindings.pop(this.scope.declared);
    this.scope = outer;
  }

  addText(raw: string): void {
    const depth = this.depth;
    if (depth < 0) return;
    const text = this.shared(raw);
    const count = this.kidCounts[depth]!;
    if (count === 0) this.open[depth]!.text += text;
    else this.kids[depth]![count - 1]!.tail += text;
  }

  /** One copy of each run of indentation: "\n" and spaces, or any other blank run. */
  private shared(text: string): string {
    const length = text.length;
    if (length === 0 || length > 256) return text;
    let i = 0;
    if (text.charCodeAt(0) === 0x0a) {
      i = 1;
      while (i < length && text.charCodeAt(i) === 0x20) i++;
      if (i === length) return indentation(length - 1);
    }
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d) return text;
    }
    const known = this.blanks.get(text);
    if (known !== undefined) return known;
    if (this.blanks.size < 256) this.blanks.set(text, text);
    return text;
  }
}

/** "\n" and `spaces` spaces, one string per width for every document. */
const INDENTATION: string[] = [];

function indentation(spaces: number): string {
  let s = INDENTATION[spaces];
  if (s === undefined) {
    s = `\n${' '.repeat(spaces)}`;
    INDENTATION[spaces] = s;
  }
  return s;
}

function xmlVersion(parser: SaxesParser): string {
  return parser.xmlDecl.version ?? '1.0';
}

/**
 * Binds the xmlns and xmlns:p declarations among `attrs` (checked as saxes checks them); the scope
 * of the element that makes them.
 */
function declare(
  bindings: Bindings,
  attrs: readonly { name: string; value: string }[],
  fail: (message: string) => never,
  version: string,
): Scope {
  const declared: string[] = [];
  for (const { name, value } of attrs) {
    let prefix: string;
    if (name === 'xmlns') prefix = '';
    else if (name.startsWith('xmlns:')) prefix = name.slice(6);
    else continue;
    const uri = value.trim();
    if (prefix !== '' && uri === '' && version === '1.0')
      fail('invalid attempt to undefine prefix in XML 1.0');
    if (prefix === 'xml' && uri !== XML_NS) fail(`xml prefix must be bound to ${XML_NS}.`);
    if (prefix === 'xmlns' && uri !== XMLNS_NS) fail(`xmlns prefix must be bound to ${XMLNS_NS}.`);
    if (uri === XMLNS_NS)
      fail(
        prefix === ''
          ? `the default namespace may not be set to ${uri}.`
          : `may not assign a prefix (even "xmlns") to the URI ${XMLNS_NS}.`,
      );
    if (uri === XML_NS && prefix !== 'xml')
      fail(
        prefix === ''
          ? `the default namespace may not be set to ${uri}.`
          : 'may not assign the xml namespace to another prefix.',
      );
    bindings.push(prefix, uri);
    declared.push(prefix);
  }
  return new Scope(declared);
}

/** An element's or attribute's name under the bindings in effect; an unbound prefix is malformed XML. */
function resolveName(
  name: string,
  bindings: Bindings,
  attribute: boolean,
  fail: (message: string) => never,
): QName {
  const colon = name.indexOf(':');
  if (colon === -1) {
    let namespaceURI: string | null;
    if (attribute) namespaceURI = name === 'xmlns' ? XMLNS_NS : null;
    else namespaceURI = bindings.resolve('') || null;
    return new QName(name, name, null, namespaceURI);
  }
  const prefix = name.slice(0, colon);
  const localName = name.slice(colon + 1);
  if (prefix === '' || localName === '' || localName.includes(':')) fail(`malformed name: ${name}.`);
  if (!attribute && prefix === 'xmlns') fail('tags may not have "xmlns" as prefix.');
  const uri = bindings.resolve(prefix);
  if (uri === undefined || uri === '') fail(`unbound namespace prefix: ${JSON.stringify(prefix)}.`);
  return new QName(name, localName, prefix, uri ?? null);
}

/** Two attributes of one element may not share a namespace and local name (`a:x` and `b:x`, a and b one URI). */
function checkExpandedNames(attributes: readonly XmlAttr[], fail: (message: string) => never): void {
  for (let i = 1; i < attributes.length; i++) {
    const a = attributes[i]!.qname;
    if (a.namespaceURI === null) continue;
    for (let j = 0; j < i; j++) {
      const b = attributes[j]!.qname;
      if (b.localName === a.localName && b.namespaceURI === a.namespaceURI)
        fail(`duplicate attribute: {${a.namespaceURI}}${a.localName}.`);
    }
  }
}

/**
 * A small tree that lives as long as the module: the hidden classes of XmlElement, XmlAttr and the
 * builder (reached through property transitions, which do not keep them alive) then outlive every
 * document, and so does the optimized code that depends on them (see `spare`).
 */
export const KEEP_ALIVE: unknown = build('<k:a xmlns:k="urn:k" k:b="c">d<e f="g">h</e>i</k:a>');
