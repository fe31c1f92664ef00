import { describe, expect, it } from 'vitest';
import { descendants } from './xml.js';
import { parseXml, XmlSyntaxError, type XmlElement } from './xml-tree.js';

function syntaxError(xml: string): XmlSyntaxError {
  try {
    parseXml(xml);
  } catch (e) {
    expect(e).toBeInstanceOf(XmlSyntaxError);
    return e as XmlSyntaxError;
  }
  throw new Error('parsed');
}

const names = (el: XmlElement) =>
  [el, ...descendants(el)].map((e) => [e.nodeName, e.localName, e.prefix, e.namespaceURI]);

describe('parseXml', () => {
  it('resolves element and attribute namespaces in their scopes', () => {
    const { root } = parseXml(
      '<a xmlns="urn:1" xmlns:p="urn:2" x="0" p:y="1" xml:lang="en">' +
        '<p:b><c xmlns=""/><p:d xmlns:p="urn:3" p:z="2"/></p:b><e/></a>',
    );
    expect(names(root)).toEqual([
      ['a', 'a', null, 'urn:1'],
      ['p:b', 'b', 'p', 'urn:2'],
      ['c', 'c', null, null],
      ['p:d', 'd', 'p', 'urn:3'],
      ['e', 'e', null, 'urn:1'],
    ]);
    expect(root.attributes.map((a) => [a.name, a.localName, a.prefix, a.namespaceURI, a.value])).toEqual([
      ['xmlns', 'xmlns', null, 'http://www.w3.org/2000/xmlns/', 'urn:1'],
      ['xmlns:p', 'p', 'xmlns', 'http://www.w3.org/2000/xmlns/', 'urn:2'],
      ['x', 'x', null, null, '0'],
      ['p:y', 'y', 'p', 'urn:2', '1'],
      ['xml:lang', 'lang', 'xml', 'http://www.w3.org/XML/1998/namespace', 'en'],
    ]);
    expect(root.getAttributeNS('urn:2', 'y')).toBe('1');
    expect(root.getAttributeNS(null, 'x')).toBe('0');
    expect(root.getAttribute('p:y')).toBe('1');
    expect(root.hasAttribute('y')).toBe(false);
    const d = root.children[0]!.children[1]!;
    expect(d.getAttributeNS('urn:3', 'z')).toBe('2');
    expect(d.parent?.parent).toBe(root);
    expect(d.root).toBe(root);
  });

  it('locates each start tag at its `<`, across multi-line tags and CRLF line ends', () => {
    const { root } = parseXml('<a\r\n  x="1">\r\n  <b\r\n/><c\n>t</c>\n\t<d y="2"/></a>');
    expect([root, ...descendants(root)].map((e) => [e.nodeName, e.lineNumber, e.columnNumber])).toEqual([
      ['a', 1, 1],
      ['b', 3, 3],
      ['c', 4, 3],
      ['d', 6, 2],
    ]);
  });

  it('keeps character data in document order: text, tails, CDATA and entities', () => {
    const { root } = parseXml('<a>x &amp; <b>y<![CDATA[<z>]]></b> w<c/>&#65;</a>');
    expect(root.text).toBe('x & ');
    expect(root.directText).toBe('x &  wA');
    expect(root.textContent).toBe('x & y<z> wA');
    expect(root.children.map((c) => c.tail)).toEqual([' w', 'A']);
  });

  it('rejects malformed XML and undeclared prefixes, with the line', () => {
    expect(syntaxError('<a>\n<b></a>')).toMatchObject({ line: 2 });
    expect(syntaxError('<a>\n\n<x:b/></a>')).toMatchObject({
      line: 3,
      message: 'unbound namespace prefix: "x".',
    });
    expect(syntaxError('<a\n y:c="1"/>').message).toBe('unbound namespace prefix: "y".');
    expect(syntaxError('<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>').message).toBe(
      'duplicate attribute: {u}x.',
    );
    expect(syntaxError('<a x="1" x="2"/>').message).toMatch(/duplicate attribute/);
    expect(syntaxError('<a xmlns:p=""/>').message).toMatch(/undefine prefix/);
    expect(syntaxError('').message).toMatch(/root element/);
    expect(syntaxError('<a/><b/>').message).toMatch(/only one root/);
  });

  it('reports an undefined entity and text after the root element as warnings', () => {
    const { root, warnings } = parseXml('<a>&nope;</a>\nmore');
    expect(root.textContent).toBe('&nope;');
    expect(warnings.map((w) => [w.line, w.message])).toEqual([
      [1, 'undefined entity.'],
      [2, 'text data outside of root node.'],
    ]);
  });

  it('reads one document after another, and after a malformed one', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(XmlSyntaxError);
    expect(parseXml('<x y="1"/>').root.getAttribute('y')).toBe('1');
    expect(parseXml('<?xml version="1.0"?>\n<z/>').root.lineNumber).toBe(2);
  });

  it('walks trees too wide or too deep for recursion', () => {
    const wide = parseXml(`<a><b>${'<c/>'.repeat(200_000)}</b></a>`).root;
    expect(descendants(wide)).toHaveLength(200_001);
    const depth = 50_000;
    const deep = parseXml(`${'<d>'.repeat(depth)}x${'</d>'.repeat(depth)}`).root;
    expect(descendants(deep)).toHaveLength(depth - 1);
    expect(deep.textContent).toBe('x');
    // A declaration on every level, the one in use at the top.
    const scoped = parseXml(
      `<r xmlns:z="urn:z">${'<d xmlns:p="urn:p">'.repeat(depth)}<z:x/>${'</d>'.repeat(depth)}</r>`,
    ).root;
    expect(descendants(scoped).pop()?.namespaceURI).toBe('urn:z');
  });
});
