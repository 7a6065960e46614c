import { theme, type ThemeConfig } from 'antd';
import { useEffect, useState } from 'react';

/** The screen the wall display's sizes are written for; a larger one scales them all up. */
export const WALL_DESIGN = { width: 1920, height: 1080 };

/** The wall's header, tiles, card titles, gaps and padding, measured at 1920×1080 (see dashboard.css). */
const WALL_CHROME_PX = 500;

export interface WallFit {
  /** 1 on a 1080p screen (and smaller ones, which scroll), 2 on a 4K one: every size on the wall is multiplied by it. */
  scale: number;
  /** The charts' height: the two rows of four share what the header and the tiles leave of the screen. */
  chartHeight: number;
}

function fit(): WallFit {
  const scale = Math.max(1, Math.min(window.innerWidth / WALL_DESIGN.width, window.innerHeight / WALL_DESIGN.height));
  const chartHeight = Math.floor(
    Math.min(420 * scale, Math.max(220 * scale, (window.innerHeight - WALL_CHROME_PX * scale) / 2)),
  );
  return { scale, chartHeight };
}

/**
 * The wall display fills one screen without scrolling, from 1920×1080 to 3840×2160: type, charts and
 * gaps grow with the screen, so a 4K wall reads from across the room instead of showing the 1080p
 * layout in its top-left quarter.
 */
export function useWallFit(): WallFit {
  const [current, setCurrent] = useState(fit);
  useEffect(() => {
    const onResize = () =>
      setCurrent((previous) => {
        const next = fit();
        return next.scale === previous.scale && next.chartHeight === previous.chartHeight ? previous : next;
      });
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return current;
}

/** The wall's antd theme at `scale`: type, paddings, controls and corners grow with the screen. */
export function wallTheme(scale: number): ThemeConfig {
  return {
    algorithm: theme.darkAlgorithm,
    token: wallTokens(scale),
    // The small card's paddings are fixed pixels in antd, not derived from the tokens above.
    components: { Card: { bodyPaddingSM: 12 * scale, headerPaddingSM: 12 * scale } },
  };
}

function wallTokens(scale: number) {
  return {
    colorPrimary: '#ffd666',
    colorBgContainer: 'transparent',
    fontSize: Math.round(16 * scale),
    sizeUnit: 4 * scale,
    controlHeight: Math.round(32 * scale),
    borderRadius: Math.round(6 * scale),
    lineWidth: Math.max(1, Math.round(scale)),
    ...LINE_HEIGHTS,
  };
}

/**
 * antd derives line heights from the font size as (size + 8) / size, so larger type would get
 * relatively tighter lines and the wall would not grow in proportion: keep the 1080p ratios.
 */
const LINE_HEIGHTS = (() => {
  const base = theme.getDesignToken({ token: { fontSize: 16 } });
  const keys = [
    'lineHeight',
    'lineHeightLG',
    'lineHeightSM',
    'lineHeightHeading1',
    'lineHeightHeading2',
    'lineHeightHeading3',
    'lineHeightHeading4',
    'lineHeightHeading5',
  ] as const;
  return Object.fromEntries(keys.map((key) => [key, base[key]]));
})();
