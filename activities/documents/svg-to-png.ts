/**
 * Rasterises the report's SVG charts (domain/charts.ts) to PNG for the .docx with resvg and the bundled DejaVu fonts,
 * so the images look the same on every machine.
 */
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', file),
);

export function svgToPng(svg: string, widthPx = 1280): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
