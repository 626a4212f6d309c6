// Log Analytics + workspace-based Application Insights. Local (key) authentication is off: the bot's managed identity
// publishes telemetry with a token (Monitoring Metrics Publisher).
@description('Base name for the workspace and the Application Insights component.')
param name string

@description('Azure region.')
param location string

@description('Principal id of the managed identity that publishes telemetry.')
param principalId string

@description('Days the logs are kept.')
@minValue(30)
@maxValue(730)
param retentionInDays int = 90

param tags object = {}

// Built-in role: Monitoring Metrics Publisher.
var metricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource workspace 'Microsoft.OperationalInsights/workspaces@2025-07-01' = {
  name: '${name}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${name}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

resource publish 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(insights.id, principalId, metricsPublisher)
  scope: insights
  properties: {
    principalId: principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', metricsPublisher)
  }
}

output connectionString string = insights.properties.ConnectionString
output workspaceId string = workspace.id
