import { NodeProgram } from 'sigma/rendering';
import { floatColor } from 'sigma/utils';
import type { NodeDisplayData, RenderParams } from 'sigma/types';
import type { ProgramInfo } from 'sigma/rendering';
import { SHAPE_CODE, type Shape } from './graph-style';

/**
 * One WebGL program for every node shape: each node is a point sprite and the
 * fragment shader cuts its shape from a per-node code. One program means one
 * draw call for all nodes, which keeps 10,000-node graphs smooth.
 */
const VERTEX = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute float a_shape;

uniform float u_sizeRatio;
uniform float u_pixelRatio;
uniform mat3 u_matrix;

varying vec4 v_color;
varying float v_border;
varying float v_shape;

const float bias = 255.0 / 254.0;

void main() {
  gl_Position = vec4((u_matrix * vec3(a_position, 1)).xy, 0, 1);
  gl_PointSize = a_size / u_sizeRatio * u_pixelRatio * 2.0;
  v_border = (0.5 / a_size) * u_sizeRatio;
  v_shape = a_shape;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const FRAGMENT = /* glsl */ `
precision mediump float;

varying vec4 v_color;
varying float v_border;
varying float v_shape;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

// Signed distance inside the shape, in point-sprite units (0.5 = half the sprite).
float inside(vec2 m, float shape) {
  vec2 p = vec2(m.x, -m.y);
  if (shape < 0.5) return 0.5 - length(m);
  if (shape < 1.5) return (0.5 - abs(p.x) - abs(p.y)) * 0.7071;
  if (shape < 2.5) {
    vec2 apex = vec2(0.0, 0.47);
    float base = p.y + 0.36;
    float right = dot(apex - p, vec2(0.867, 0.498));
    float left = dot(apex - p, vec2(-0.867, 0.498));
    return min(base, min(right, left));
  }
  if (shape < 3.5) return 0.42 - max(abs(p.x), abs(p.y));
  float r = length(m);
  #ifdef PICKING_MODE
  return 0.5 - r;
  #else
  return min(0.5 - r, r - 0.3);
  #endif
}

void main(void) {
  float d = inside(gl_PointCoord - vec2(0.5, 0.5), v_shape);
  #ifdef PICKING_MODE
  gl_FragColor = d > 0.0 ? v_color : transparent;
  #else
  gl_FragColor = mix(transparent, v_color, clamp(d / v_border, 0.0, 1.0));
  #endif
}
`;

const { UNSIGNED_BYTE, FLOAT, POINTS } = WebGLRenderingContext;
const UNIFORMS = ['u_sizeRatio', 'u_pixelRatio', 'u_matrix'] as const;
type Uniform = (typeof UNIFORMS)[number];

export class NodeShapeProgram extends NodeProgram<Uniform> {
  getDefinition() {
    return {
      VERTICES: 1,
      VERTEX_SHADER_SOURCE: VERTEX,
      FRAGMENT_SHADER_SOURCE: FRAGMENT,
      METHOD: POINTS,
      UNIFORMS,
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: FLOAT },
        { name: 'a_size', size: 1, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_shape', size: 1, type: FLOAT },
      ],
    };
  }

  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void {
    const array = this.array;
    array[startIndex++] = data.x;
    array[startIndex++] = data.y;
    array[startIndex++] = data.size;
    array[startIndex++] = floatColor(data.color);
    array[startIndex++] = nodeIndex;
    array[startIndex] = SHAPE_CODE[(data as NodeDisplayData & { shape?: Shape }).shape ?? 'circle'];
  }

  setUniforms({ sizeRatio, pixelRatio, matrix }: RenderParams, { gl, uniformLocations }: ProgramInfo): void {
    gl.uniform1f(uniformLocations.u_pixelRatio as WebGLUniformLocation, pixelRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio as WebGLUniformLocation, sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix as WebGLUniformLocation, false, matrix);
  }
}
