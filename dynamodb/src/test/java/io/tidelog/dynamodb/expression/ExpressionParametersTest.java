package io.tidelog.dynamodb.expression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.json.Request;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExpressionParametersTest {

    private static Request request(String json) {
        return Request.parse(json.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    private static String error(ExpressionParameters parameters, String json) {
        return assertThrows(DynamoDbException.class, () -> parameters.check(request(json))).getMessage();
    }

    @Test
    void expressionAndLegacyParametersDoNotMixAndAreListedInDynamoDbsOrder() {
        assertEquals("Can not use both expression and non-expression parameters in the same request: Non-expression "
                + "parameters: {AttributeUpdates, Expected} Expression parameters: {UpdateExpression, ConditionExpression}",
                error(ExpressionParameters.UPDATE_ITEM, "{'Expected':{'a':{}},'AttributeUpdates':{},"
                        + "'ExpressionAttributeNames':{},'ExpressionAttributeValues':{},'ConditionExpression':'','UpdateExpression':''}"));
        assertEquals("Can not use both expression and non-expression parameters in the same request: Non-expression "
                + "parameters: {Expected} Expression parameters: {ConditionExpression}",
                error(ExpressionParameters.PUT_ITEM, "{'Expected':{'pk':{'Exists':false}},'ConditionExpression':'attribute_not_exists(pk)'}"));
        assertEquals("Can not use both expression and non-expression parameters in the same request: Non-expression "
                + "parameters: {AttributesToGet, QueryFilter, ConditionalOperator, KeyConditions} Expression parameters: "
                + "{ProjectionExpression, FilterExpression, KeyConditionExpression}",
                error(ExpressionParameters.QUERY, "{'AttributesToGet':['a'],'QueryFilter':{},'ConditionalOperator':'OR',"
                        + "'KeyConditions':{},'ProjectionExpression':'','FilterExpression':'','KeyConditionExpression':''}"));
        assertEquals("Can not use both expression and non-expression parameters in the same request: Non-expression "
                + "parameters: {AttributesToGet, QueryFilter, ConditionalOperator} Expression parameters: "
                + "{ProjectionExpression, FilterExpression}",
                error(ExpressionParameters.QUERY, "{'AttributesToGet':['a'],'QueryFilter':{},'ConditionalOperator':'OR',"
                        + "'KeyConditions':{},'ProjectionExpression':'','FilterExpression':''}"));
        assertEquals("Can not use both expression and non-expression parameters in the same request: Non-expression "
                + "parameters: {ScanFilter} Expression parameters: {FilterExpression}",
                error(ExpressionParameters.SCAN, "{'ScanFilter':{},'FilterExpression':'val = :v','ExpressionAttributeValues':{}}"));
        assertEquals("Can not use both expression and non-expression parameters in the same request: Non-expression "
                + "parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
                error(ExpressionParameters.GET_ITEM, "{'AttributesToGet':['name'],'ProjectionExpression':'#n'}"));
        // KeyConditions may go with the other expressions when there is no KeyConditionExpression
        ExpressionParameters.QUERY.check(request("{'KeyConditions':{},'ProjectionExpression':'a','FilterExpression':'b = c'}"));
        // a JSON null is no parameter
        ExpressionParameters.PUT_ITEM.check(request("{'Expected':null,'ConditionExpression':'a = b'}"));
    }

    @Test
    void namesAndValuesNeedAnExpressionThatUsesThem() {
        assertEquals("ExpressionAttributeNames can only be specified when using expressions",
                error(ExpressionParameters.UPDATE_ITEM, "{'Expected':{'a':{}},'ExpressionAttributeNames':{},'ExpressionAttributeValues':{}}"));
        assertEquals("ExpressionAttributeNames can only be specified when using expressions",
                error(ExpressionParameters.GET_ITEM, "{'ExpressionAttributeNames':{'#a':'a'}}"));
        assertEquals("ExpressionAttributeValues can only be specified when using expressions: UpdateExpression and "
                + "ConditionExpression are null", error(ExpressionParameters.UPDATE_ITEM, "{'ExpressionAttributeValues':{}}"));
        assertEquals("ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null",
                error(ExpressionParameters.PUT_ITEM, "{'ExpressionAttributeValues':{':v':{'S':'x'}}}"));
        assertEquals("ExpressionAttributeValues can only be specified when using expressions: FilterExpression and "
                + "KeyConditionExpression are null", error(ExpressionParameters.QUERY,
                        "{'ProjectionExpression':'a','ExpressionAttributeValues':{}}"));
        assertEquals("ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null",
                error(ExpressionParameters.SCAN, "{'ExpressionAttributeValues':{}}"));
        // a projection uses names but no values; whether the values are used is binding's business
        ExpressionParameters.SCAN.check(request("{'ProjectionExpression':'#a','ExpressionAttributeNames':{'#a':'a'}}"));
        ExpressionParameters.GET_ITEM.check(request("{'ProjectionExpression':'a','ExpressionAttributeValues':{}}"));
    }
}
