// actions.graphql + actions.yaml → the `actions` and `custom_types` sections, the way the Hasura CLI
// builds them: its SDL converter (cli-ext) turns fields of `Query`/`Mutation` into actions and every
// other type definition into a custom type; actions.yaml then supplies per action the handler, kind,
// permissions, … and per custom type the description and relationships.
import {
  GraphQLError,
  Kind,
  parse,
  print,
  type DefinitionNode,
  type EnumTypeDefinitionNode,
  type FieldDefinitionNode,
  type InputObjectTypeDefinitionNode,
  type InputValueDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  type ScalarTypeDefinitionNode,
  type StringValueNode,
} from 'graphql'
import { RollbackError } from '../errors.js'
import { isRecord } from '../json.js'
import { describeYamlValue, yamlError, type YamlFile } from './yaml-file.js'

export interface CustomTypes {
  enums: unknown[]
  input_objects: unknown[]
  objects: unknown[]
  scalars: unknown[]
}

export interface ActionArgument {
  name: string
  type: string
  description: string | null
}

export interface SdlAction {
  name: string
  type: 'query' | 'mutation'
  arguments: ActionArgument[]
  outputType: string
}

/** A custom type as the SDL defines it: `description` omitted when the SDL has none. */
export type SdlCustomType = { name: string; description?: string } & Record<string, unknown>

export interface SdlDefinitions {
  actions: SdlAction[]
  types: Record<keyof CustomTypes, SdlCustomType[]>
}

const customTypeKinds = ['enums', 'input_objects', 'objects', 'scalars'] as const

/** Parses actions.graphql. Empty or whitespace-only text defines nothing (the CLI writes such files). */
export function parseActionsSdl(sdl: string, path: string): SdlDefinitions {
  const found: SdlDefinitions = {
    actions: [],
    types: { enums: [], input_objects: [], objects: [], scalars: [] },
  }
  if (sdl.trim() === '') return found
  let definitions: readonly DefinitionNode[]
  try {
    definitions = parse(sdl).definitions
  } catch (error) {
    if (!(error instanceof GraphQLError)) throw error
    const line = error.locations?.[0]?.line
    throw new RollbackError(`${path}${line === undefined ? '' : `:${line}`}: ${error.message}`, {
      file: path,
      line,
      cause: error,
    })
  }
  for (const definition of definitions) {
    const name = 'name' in definition ? definition.name?.value : undefined
    if (name === 'Query' || name === 'Mutation') {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) {
        throw unsupported(definition, path)
      }
      found.actions.push(...actionsOf(definition, name === 'Query' ? 'query' : 'mutation'))
      continue
    }
    switch (definition.kind) {
      case Kind.SCALAR_TYPE_DEFINITION:
        found.types.scalars.push(scalarType(definition))
        break
      case Kind.ENUM_TYPE_DEFINITION:
        found.types.enums.push(enumType(definition))
        break
      case Kind.INPUT_OBJECT_TYPE_DEFINITION:
      case Kind.OBJECT_TYPE_DEFINITION:
        found.types[definition.kind === Kind.OBJECT_TYPE_DEFINITION ? 'objects' : 'input_objects'].push(
          objectType(definition),
        )
        break
      case Kind.INTERFACE_TYPE_DEFINITION:
        // The CLI's converter drops interfaces without a word; keep the same result.
        break
      default:
        throw unsupported(definition, path)
    }
  }
  return found
}

export interface BuiltActions {
  actions?: unknown[]
  custom_types?: CustomTypes
}

/**
 * Merges the SDL with actions.yaml. An action or custom type listed in actions.yaml but absent from the
 * SDL is an error, as in the CLI; SDL actions missing from actions.yaml get an empty kind and handler.
 * Empty results are left out.
 */
export function mergeActionsConfig(sdl: SdlDefinitions, config: YamlFile, graphqlName: string): BuiltActions {
  const root = config.value ?? {}
  if (!isRecord(root)) throw yamlError(config, [], `expected a mapping, found ${describeYamlValue(root)}`)

  const configByAction = new Map<SdlAction, Record<string, unknown>>()
  listAt(config, root, ['actions']).forEach((entry, index) => {
    const name = nameOf(config, entry, ['actions', index])
    const action = sdl.actions.find((candidate) => candidate.name === name)
    if (action === undefined) {
      throw yamlError(config, ['actions', index], `action ${name} is not present in ${graphqlName}`)
    }
    configByAction.set(action, entry)
  })

  const typesConfig = root.custom_types ?? {}
  if (!isRecord(typesConfig)) {
    throw yamlError(config, ['custom_types'], `expected a mapping, found ${describeYamlValue(typesConfig)}`)
  }
  const customTypes: CustomTypes = { enums: [], input_objects: [], objects: [], scalars: [] }
  for (const kind of customTypeKinds) {
    const merged = sdl.types[kind].map((type) => ({ ...type }))
    listAt(config, typesConfig, ['custom_types', kind]).forEach((entry, index) => {
      const name = nameOf(config, entry, ['custom_types', kind, index])
      const type = merged.find((candidate) => candidate.name === name)
      if (type === undefined) {
        throw yamlError(
          config,
          ['custom_types', kind, index],
          `custom type ${name} is not present in ${graphqlName}`,
        )
      }
      // actions.yaml's description replaces the SDL's, even when actions.yaml has none.
      delete type.description
      if (entry.description != null) type.description = String(entry.description)
      if ('relationships' in entry) type.relationships = entry.relationships
    })
    customTypes[kind] = merged
  }

  const built: BuiltActions = {}
  if (sdl.actions.length > 0)
    built.actions = sdl.actions.map((action) => actionEntry(action, configByAction.get(action)))
  if (customTypeKinds.some((kind) => customTypes[kind].length > 0)) built.custom_types = customTypes
  return built
}

/** Which keys of an actions.yaml entry the CLI carries over; everything else comes from the SDL. */
function actionEntry(
  action: SdlAction,
  config: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const configured = isRecord(config?.definition) ? config.definition : {}
  const definition: Record<string, unknown> = {
    kind: textOf(configured.kind),
    type: action.type,
    handler: textOf(configured.handler),
  }
  if (action.arguments.length > 0) definition.arguments = action.arguments
  definition.output_type = action.outputType
  if (configured.forward_client_headers === true) definition.forward_client_headers = true
  if ('headers' in configured) definition.headers = configured.headers
  if (typeof configured.timeout === 'number' && configured.timeout !== 0)
    definition.timeout = configured.timeout
  if ('request_transform' in configured) definition.request_transform = configured.request_transform
  if ('response_transform' in configured) definition.response_transform = configured.response_transform

  const entry: Record<string, unknown> = { name: action.name, definition }
  if (config !== undefined && 'permissions' in config) entry.permissions = config.permissions
  if (config?.comment != null) entry.comment = config.comment
  return entry
}

function actionsOf(
  definition: ObjectTypeDefinitionNode | ObjectTypeExtensionNode,
  type: SdlAction['type'],
): SdlAction[] {
  return (definition.fields ?? []).map((field: FieldDefinitionNode) => ({
    name: field.name.value,
    type,
    arguments: (field.arguments ?? []).map(typedEntry),
    outputType: print(field.type),
  }))
}

function scalarType(definition: ScalarTypeDefinitionNode): SdlCustomType {
  return withDescription(definition.name.value, definition.description)
}

function enumType(definition: EnumTypeDefinitionNode): SdlCustomType {
  const type = withDescription(definition.name.value, definition.description)
  const values = (definition.values ?? []).map((value) => ({
    value: value.name.value,
    description: descriptionOf(value.description),
  }))
  if (values.length > 0) type.values = values
  return type
}

function objectType(definition: ObjectTypeDefinitionNode | InputObjectTypeDefinitionNode): SdlCustomType {
  const type = withDescription(definition.name.value, definition.description)
  const fields = (definition.fields ?? []).map(typedEntry)
  if (fields.length > 0) type.fields = fields
  return type
}

function typedEntry(node: InputValueDefinitionNode | FieldDefinitionNode): ActionArgument {
  return { name: node.name.value, type: print(node.type), description: descriptionOf(node.description) }
}

function withDescription(name: string, description: StringValueNode | undefined): SdlCustomType {
  const text = descriptionOf(description)
  return text === null ? { name } : { name, description: text }
}

function descriptionOf(description: StringValueNode | undefined): string | null {
  return description === undefined ? null : description.value.trim()
}

function unsupported(definition: DefinitionNode, path: string): RollbackError {
  const line = definition.loc?.startToken.line
  const where = line === undefined ? path : `${path}:${line}`
  return new RollbackError(
    `${where}: ${definition.kind} is not supported in actions (use type, input, enum and scalar definitions)`,
    { file: path, line },
  )
}

function listAt(
  file: YamlFile,
  parent: Record<string, unknown>,
  path: (string | number)[],
): Record<string, unknown>[] {
  const value = parent[path[path.length - 1] as string]
  if (value == null) return []
  if (!Array.isArray(value)) throw yamlError(file, path, `expected a list, found ${describeYamlValue(value)}`)
  return value.map((entry: unknown, index) => {
    if (!isRecord(entry))
      throw yamlError(file, [...path, index], `expected a mapping, found ${describeYamlValue(entry)}`)
    return entry
  })
}

function nameOf(file: YamlFile, entry: Record<string, unknown>, path: (string | number)[]): string {
  if (typeof entry.name !== 'string' || entry.name === '') throw yamlError(file, path, 'entry has no name')
  return entry.name
}

function textOf(value: unknown): string {
  if (value == null) return ''
  return typeof value === 'string' ? value : String(value)
}
