// The parts of a brand-new workbook package: everything Excel needs before the first sheet is added.
import { CONTENT_TYPE, REL, RELS_NS } from './opc';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const TEMPLATE_PARTS = {
  workbook: 'xl/workbook.xml',
  workbookRels: 'xl/_rels/workbook.xml.rels',
  styles: 'xl/styles.xml',
  sharedStrings: 'xl/sharedStrings.xml',
} as const;

export const STYLES_XML =
  XML_DECL +
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/>' +
  '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

/** Part name -> contents, in the order they go into the zip. */
export function templateParts(createdAt: Date): Array<[string, string]> {
  const created = createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const override = (part: string, type: string) => `<Override PartName="/${part}" ContentType="${type}"/>`;
  return [
    [
      '[Content_Types].xml',
      XML_DECL +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        `<Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/>` +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        override(TEMPLATE_PARTS.workbook, CONTENT_TYPE.workbook) +
        override(TEMPLATE_PARTS.styles, CONTENT_TYPE.styles) +
        override(TEMPLATE_PARTS.sharedStrings, CONTENT_TYPE.sharedStrings) +
        override('docProps/core.xml', CONTENT_TYPE.coreProperties) +
        override('docProps/app.xml', CONTENT_TYPE.extendedProperties) +
        '</Types>',
    ],
    [
      '_rels/.rels',
      XML_DECL +
        `<Relationships xmlns="${RELS_NS}">` +
        `<Relationship Id="rId1" Type="${REL.officeDocument}" Target="xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="${REL.coreProperties}" Target="docProps/core.xml"/>` +
        `<Relationship Id="rId3" Type="${REL.extendedProperties}" Target="docProps/app.xml"/>` +
        '</Relationships>',
    ],
    [
      'docProps/app.xml',
      XML_DECL +
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
        '<Application>deskbook</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>' +
        '<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion>' +
        '</Properties>',
    ],
    [
      'docProps/core.xml',
      XML_DECL +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        '<dc:creator>deskbook</dc:creator>' +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified>` +
        '</cp:coreProperties>',
    ],
    [
      TEMPLATE_PARTS.workbook,
      XML_DECL +
        `<workbook xmlns="${MAIN_NS}" xmlns:r="${R_NS}">` +
        '<workbookPr/>' +
        '<bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="15000"/></bookViews>' +
        '<sheets></sheets>' +
        '<calcPr calcId="191029"/>' +
        '</workbook>',
    ],
    [
      TEMPLATE_PARTS.workbookRels,
      XML_DECL +
        `<Relationships xmlns="${RELS_NS}">` +
        `<Relationship Id="rId1" Type="${REL.styles}" Target="styles.xml"/>` +
        `<Relationship Id="rId2" Type="${REL.sharedStrings}" Target="sharedStrings.xml"/>` +
        '</Relationships>',
    ],
    [TEMPLATE_PARTS.styles, STYLES_XML],
  ];
}
